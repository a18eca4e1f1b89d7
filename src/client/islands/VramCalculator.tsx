/**
 * The VRAM calculator island. UI only: every figure comes from src/lib/memory (computeView), and every control,
 * label and option comes from the parameter table (src/lib/memory/parameters.ts) through the `fields` prop.
 *
 * The page computes the default view at build time and passes it in, with the fields and the GPU list, so the
 * island's own JavaScript is the form and the result display. The memory model itself (src/lib/memory/view.ts) is
 * loaded when the reader first changes an input, or at once when the URL carries a state. State lives in the URL
 * query, with the table's parameter names; links and the embed code carry only valid values.
 *
 * Embed mode (`embed`): the island talks to the page that embeds it through calculator/embed-host.ts (which says
 * how), loaded on the embed pages only; `layout` compact folds the settings and the details (embed-options.ts).
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { EmbedLayout } from '../../lib/memory/embed-options.ts';
import type { CalculatorField } from '../../lib/memory/fields.ts';
import type { Notice } from '../../lib/memory/url-state.ts';
import type { CalculatorView } from '../../lib/memory/view.ts';
import type { TimeView } from './calculator/TimePanel.tsx';
import { TrainerFields } from './calculator/TrainerFields.tsx';
import PhaseTable from './calculator/PhaseTable.tsx';
import { PlanTools } from './calculator/PlanTools.tsx';
import './VramCalculator.css';

type Query = Record<string, string>;
export interface GpuOption {
  id: string;
  name: string;
  memoryGB: number;
  usableBytes: number;
}
export interface Links {
  calculator: string;
  aboutMemory: string;
  embedScript: string;
  /** the site's name, for the embed's title line */
  siteName: string;
}
export interface Props {
  /** the view of `defaults`, computed at build time (computeView) */
  initial: CalculatorView;
  /** the time and cost view of `defaults`, computed at build time (src/lib/cost/view.ts timeView) */
  initialTime: TimeView;
  /** every control's default value as a URL parameter (controlDefaults) */
  defaults: Query;
  /** the form, from the parameter table (calculatorFields) */
  fields: CalculatorField[];
  /** the form's fieldsets and their legends, in order (FORM_GROUPS) */
  groups: readonly (readonly [string, string])[];
  /** the estimate's components and their labels, in order (COMPONENT_LABELS) */
  parts: readonly (readonly [string, string])[];
  gpus: GpuOption[];
  /** render for an iframe: no share tools, height reported to the host page */
  embed?: boolean;
  /** embeds: compact puts the estimate first and folds the settings and the details (embed-options.ts) */
  layout?: EmbedLayout;
  /** embeds: the query names that are not parameters (all, and those the loader adds for itself), from
   *  embed-options.ts at build time so the island does not ship that module */
  embedNames?: { reserved: readonly string[]; loader: readonly string[] };
  /** the site's links the island shows, resolved at build time (routes.ts + base path) so no route table ships */
  links: Links;
  /** per method: the error of similar published runs, one sentence (src/lib/memory/ledger.ts errorBandText) */
  bands?: Record<string, string>;
}

type ViewModule = typeof import('./calculator/engine.ts');
/** The form's panels that load when the reader opens them ("any model": its config parser brings zod; "Measure your
 *  data": the tokenizer library). */
type Panels = { [K in keyof ViewModule['panels']]?: Awaited<ReturnType<ViewModule['panels'][K]>>['Panel'] };
let viewModule: Promise<ViewModule> | undefined;
/** The loaded engine, for the parts of the display that come with it (set before any estimate of its own exists). */
let engine: ViewModule | undefined;
/** The time and cost panel, loaded right after the engine (calculator/TimePanel.tsx). */
let timing: typeof import('./calculator/TimePanel.tsx') | undefined;
const loadModel = (): Promise<ViewModule> => {
  viewModule ??= import('./calculator/engine.ts').then((m) => (engine = m));
  return viewModule;
};

function num(v: number): string {
  const d = v < 10 ? 2 : 1;
  return v.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });
}
const fmt = (bytes: number, unit: string) => `${num(bytes / (unit === 'GiB' ? 2 ** 30 : 1e9))} ${unit}`;
const usable = (g: GpuOption) => `${fmt(g.usableBytes, 'GB')} = ${fmt(g.usableBytes, 'GiB')}`;
const attr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
const list = (xs: string[]) => (xs.length < 2 ? (xs[0] ?? '') : `${xs.slice(0, -1).join(', ')} and ${xs.at(-1)}`);

export default function VramCalculator({
  initial,
  initialTime,
  defaults,
  fields,
  groups,
  parts,
  gpus,
  embed = false,
  layout = 'full',
  embedNames = { reserved: [], loader: [] },
  links,
  bands = {},
}: Props) {
  const uid = useId();
  const id = (s: string) => `${uid}-${s}`;
  const [q, setQ] = useState<Query>(defaults);
  const [view, setView] = useState<CalculatorView>(initial);
  const [tv, setTv] = useState<TimeView>(initialTime);
  const [notices, setNotices] = useState<Notice[]>([]);
  const [touched, setTouched] = useState(false);
  const [copied, setCopied] = useState('');
  const [origin, setOrigin] = useState('');
  const [panels, setPanels] = useState<Panels>({});
  const root = useRef<HTMLDivElement>(null);
  const resultBox = useRef<HTMLElement>(null);
  const [resultInView, setResultInView] = useState(false);
  const latest = useRef(q);
  const reserved = embedNames.reserved;

  const apply = (next: Query) => {
    latest.current = next;
    setQ(next);
    loadModel().then((m) => {
      if (latest.current === next) setView(m.computeView(next));
      m.loadTime().then((t) => {
        timing = t;
        if (latest.current === next) setTv(t.timeView(next));
      });
    });
  };

  // Read the URL once mounted (the static HTML shows the defaults); in an iframe, listen to the host page.
  useEffect(() => {
    setOrigin(location.origin);
    const p = new URLSearchParams(location.search);
    // The model loads on demand: a reader may change a field before it arrives. Their edits win over the URL's.
    const fromSearch = (search: string) => {
      const before = latest.current;
      return loadModel().then((m) => {
        const r = m.readControls(search, defaults, reserved);
        const edits = Object.entries(latest.current).filter(([k, v]) => before[k] !== v);
        // The embed's own options (layout, theme) were applied by the page; a value it does not know gets a notice.
        setNotices([...(embed ? m.embedOptionNotices(search) : []), ...r.notices]);
        apply({ ...r.controls, ...Object.fromEntries(edits) });
      });
    };
    // An embed also reads its query for the notices about its own options.
    const own = embedNames.loader;
    if ([...p.keys()].some((k) => !own.includes(k))) fromSearch(location.search);
    if (!embed) return;
    // In an iframe: talk to the host page (calculator/embed-host.ts, loaded on the embed pages only).
    let stop: (() => void) | undefined;
    let gone = false;
    import('./calculator/embed-host.ts').then((m) => {
      if (!gone && root.current) stop = m.connectHost(root.current, p, fromSearch);
    });
    return () => {
      gone = true;
      stop?.();
    };
  }, []);

  // Keep the page URL in sync (full page only); it carries the valid values only.
  useEffect(() => {
    if (!embed && touched)
      history.replaceState(history.state, '', `${location.pathname}?${view.query}${location.hash}`);
  }, [view.query, touched]);

  // Phones: the summary bar steps aside while the result itself is on screen.
  useEffect(() => {
    const el = resultBox.current;
    if (embed || !el || typeof IntersectionObserver === 'undefined') return;
    const io = new IntersectionObserver(([e]) => setResultInView(!!e?.isIntersecting));
    io.observe(el);
    return () => io.disconnect();
  }, []);

  /** A reader's change of one or more controls (a loaded config.json sets the model and its architecture). */
  const change = (c: Query) => {
    setTouched(true);
    apply({ ...latest.current, ...c });
  };
  const set = (key: string, value: string) => change({ [key]: value });
  // The first focus or pointer loads the memory model and shows what comes with it (the charts) for the same state.
  const warm = () => engine || apply(latest.current);
  const errors = Object.entries(view.errors);
  const labelOf = (key: string) => fields.find((f) => f.key === key)?.label ?? key;
  const off = (f: CalculatorField) =>
    (!!f.methods && !f.methods.includes(q.method as string)) ||
    (!!f.trainers && !f.trainers.includes((q.trainer as string) ?? 'sft')) ||
    (!!f.models && q.model !== 'custom' && !f.models.includes(q.model as string));
  // A field's message, and the note on what its 0 stands for (the cost fields), describe it.
  const described = (key: string) => ({
    'aria-invalid': view.errors[key] ? ('true' as const) : undefined,
    'aria-describedby':
      [view.errors[key] && id(`${key}-err`), tv.hints[key] && id(`${key}-hint`)].filter(Boolean).join(' ') || undefined,
  });
  const message = (key: string) =>
    view.errors[key] && (
      <span id={id(`${key}-err`)} class="vc-err">
        {view.errors[key]}
      </span>
    );
  const on = (key: string) => q[key] === '1' || q[key] === 'true';

  const control = (f: CalculatorField) => {
    const { key, label } = f;
    if (f.kind === 'bool') {
      return (
        <div class="vc-checkfield" key={key}>
          <label class="vc-check">
            <input
              id={id(key)}
              type="checkbox"
              checked={on(key)}
              disabled={off(f)}
              {...described(key)}
              onChange={(e) => set(key, e.currentTarget.checked ? '1' : '0')}
            />{' '}
            {label}
          </label>
          {message(key)}
        </div>
      );
    }
    if (f.kind === 'radios') {
      return (
        <div key={key}>
          <div class="vc-radios" role="radiogroup" aria-label={label} {...described(key)}>
            {(f.options ?? []).map(([v, l]) => (
              <label key={v} class="vc-check">
                <input type="radio" name={id(key)} value={v} checked={q[key] === v} onChange={() => set(key, v)} /> {l}
              </label>
            ))}
          </div>
          {message(key)}
        </div>
      );
    }
    const cls = f.wide ? 'vc-field vc-wide' : 'vc-field';
    if (f.kind === 'int') {
      return (
        <div class={cls} key={key}>
          <label for={id(key)}>{label}</label>
          <input
            id={id(key)}
            type="text"
            inputMode="numeric"
            autoComplete="off"
            spellcheck={false}
            value={q[key]}
            disabled={off(f)}
            {...described(key)}
            onInput={(e) => set(key, e.currentTarget.value)}
          />
          {message(key)}
        </div>
      );
    }
    const options = f.options ?? [];
    // A value from a link that is not an option: show a placeholder (never the value), the message says what it was.
    const known = options.some(([v]) => v === q[key]);
    return (
      <div class={cls} key={key}>
        <label for={id(key)}>{label}</label>
        <select
          id={id(key)}
          value={known ? q[key] : ''}
          disabled={off(f)}
          {...described(key)}
          onChange={(e) => set(key, e.currentTarget.value)}
        >
          {!known && <option value="">Choose…</option>}
          {options.map(([v, l]) => (
            <option key={v} value={v}>
              {l}
            </option>
          ))}
        </select>
        {message(key)}
      </div>
    );
  };
  const controls = (group: string) => {
    // Trainer-only fields are hidden, not disabled, for the other trainers (five of them would crowd SFT's form).
    const fs = fields.filter((f) => f.group === group && !(f.trainers && off(f)));
    const grid = fs.filter((f) => (f.kind === 'int' || f.kind === 'select') && !f.wide);
    return (
      <>
        {fs.filter((f) => f.kind === 'radios').map(control)}
        {fs.filter((f) => f.wide).map(control)}
        {grid.length > 0 && <div class="vc-grid">{grid.map(control)}</div>}
        {fs.filter((f) => f.kind === 'bool').map(control)}
        {fs.map(
          ({ key }) =>
            tv.hints[key] && (
              <p class="vc-note" id={id(`${key}-hint`)} key={key}>
                {tv.hints[key]}
              </p>
            ),
        )}
      </>
    );
  };

  const { unit, result } = view;
  const gpu = gpus.find((g) => g.id === view.gpu);
  const total = result?.total ?? 0;
  const scale = Math.max(total, gpu?.usableBytes ?? 0) || 1;
  const fits = result && gpu ? !!result.fits.find((f) => f.id === gpu.id)?.fits : null;
  // A colocated vLLM engine takes its share of the GPU first: the line marks what is left for training.
  const room = gpu ? gpu.usableBytes - (result?.trainer?.vllmBytes ?? 0) : 0;
  const embedCode = `<script src="${origin}${links.embedScript}" ${view.embed
    .map(([k, v]) => `data-${k}="${attr(v)}"`)
    .join(' ')} async></script>`;
  const copy = (text: string, what: string) =>
    navigator.clipboard.writeText(text).then(
      () => setCopied(`${what} copied.`),
      () => setCopied('Copy failed: select the text and copy it by hand.'),
    );
  const bad = errors.map(([k]) => labelOf(k));
  let x = 0;
  const compact = embed && layout === 'compact';
  const chosen = (key: string) =>
    fields.find((f) => f.key === key)?.options?.find(([v]) => v === q[key])?.[1] ?? q[key];
  const summaryOf = () => `${chosen('model')} · ${chosen('method')}`;
  // Compact embeds fold a part away (a native <details>: it works without JS); the other layouts show it inline.
  const fold = (summary: string, body: ComponentChildren, open?: boolean) =>
    compact ? (
      <details class="vc-fold" open={open}>
        <summary>{summary}</summary>
        {body}
      </details>
    ) : (
      body
    );
  // A disclosure whose body loads from the engine when the reader first opens it (full page only).
  const panel = <K extends keyof Panels>(name: K, summary: string, body: (P: Panels[K]) => ComponentChildren) =>
    !embed && (
      <details
        class="vc-source"
        onToggle={(e) =>
          e.currentTarget.open &&
          loadModel()
            .then((m) => (m.panels[name] as () => Promise<{ Panel: Panels[K] }>)())
            .then(({ Panel }) => setPanels((ps) => ({ ...ps, [name]: Panel })))
        }
      >
        <summary>{summary}</summary>
        {body(panels[name]) || <p class="vc-note">Needs JavaScript.</p>}
      </details>
    );
  const form = (
    <div class="vc-form">
      {groups.map(([group, legend]) =>
        group === 'trainer' ? (
          <TrainerFields key={group} legend={legend} about={`${links.aboutMemory}#post-training`}>
            {controls(group)}
          </TrainerFields>
        ) : (
          <fieldset class="vc-group" key={group}>
            <legend>{legend}</legend>
            {controls(group)}
            {group === 'model' && panel('source', 'Use any Hugging Face model', (P) => P && <P onLoad={change} />)}
            {group === 'model' && q.model === 'custom' && controls('architecture')}
            {group === 'cost' && panel('data', 'Measure your data', (P) => P && <P q={q} onApply={change} />)}
          </fieldset>
        ),
      )}
    </div>
  );

  return (
    <div
      class={embed ? `vc vc-embed${compact ? ' vc-compact' : ''}` : 'vc'}
      ref={root}
      onFocusCapture={warm}
      onPointerEnter={warm}
    >
      {embed && (
        <p class="vc-title">
          <a href={`${links.calculator}?${view.query}`} target="_blank" rel="noopener">
            VRAM calculator
          </a>{' '}
          · {links.siteName}
        </p>
      )}
      {notices.length > 0 && engine && <engine.Notices notices={notices} />}
      {!compact && form}

      {!embed && (
        // On phones the result is below the form: this bar keeps the total in sight while editing, and leads to it.
        <a class={resultInView ? 'vc-peek vc-peek-off' : 'vc-peek'} href={`#${id('result')}`}>
          <span>
            {result ? <strong>{fmt(total, unit)}</strong> : 'No estimate yet'}
            {result && gpu && (
              <span class={fits ? 'vc-ok' : 'vc-bad'}>
                {fits ? ' fits ' : ' does not fit '}
                {gpu.name}
              </span>
            )}
            {result && tv.summary && ` · ${tv.summary}`}
          </span>{' '}
          <span class="vc-peek-go">Details</span>
        </a>
      )}
      <section class="vc-result" aria-labelledby={id('result')} ref={resultBox}>
        <h2 id={id('result')} class="vc-h">
          Estimate per GPU
        </h2>
        {!compact && controls('display')}
        <p class="vc-total" aria-live="polite" aria-atomic="true">
          {result ? (
            <>
              <strong>{fmt(total, unit)}</strong>
              {gpu && (
                <span class={fits ? 'vc-ok' : 'vc-bad'}>
                  {fits ? ' fits ' : ' does not fit '}
                  {gpu.name} (sold as {gpu.memoryGB} GB; usable {usable(gpu)})
                </span>
              )}
            </>
          ) : (
            <span class="vc-bad">No estimate until you fix {list(bad) || 'the inputs'}.</span>
          )}
        </p>
        {errors.length > 0 && (
          <ul class="vc-errors">
            {errors.map(([k, m]) => (
              <li key={k}>
                <a href={`#${id(k)}`}>{m}</a>
              </li>
            ))}
          </ul>
        )}
        {result && (
          <>
            <svg
              class="vc-bar"
              viewBox="0 0 1000 48"
              preserveAspectRatio="none"
              role="img"
              aria-label={`Stacked bar of the components, ${fmt(total, unit)} in total${gpu ? `, against ${fmt(gpu.usableBytes, unit)} on the ${gpu.name}` : ''}`}
            >
              {parts.map(([c, label]) => {
                const w = (((result.components as Record<string, number>)[c] as number) / scale) * 1000;
                x += w;
                return (
                  <rect key={c} class={`vc-c-${c}`} x={x - w} y={4} width={w} height={40}>
                    <title>
                      {label}: {fmt((w * scale) / 1000, unit)}
                    </title>
                  </rect>
                );
              })}
              {gpu && <line class="vc-cap" x1={(room / scale) * 1000} x2={(room / scale) * 1000} y1={0} y2={48} />}
            </svg>
            {result.fit && gpu && engine && (
              <engine.FitList steps={result.fit} gpu={gpu.name} fmt={(b) => fmt(b, unit)} onApply={change} />
            )}
            {/* Compact embeds keep their ≤ 700 px: the time and cost folds to one line with its figures. */}
            {tv.time &&
              timing &&
              fold(
                `Time and cost: ${tv.summary ?? 'none'}`,
                <timing.TimePanel t={tv.time} about={`${links.aboutMemory}#time-and-cost`} />,
              )}
            {fold(
              'Details: components, phases and GPUs',
              <>
                {compact && controls('display')}
                <table class="vc-table vc-parts">
                  <caption class="vc-sr">Components of the per-GPU estimate</caption>
                  <thead>
                    <tr>
                      <th scope="col">Component</th>
                      <th scope="col">{unit}</th>
                      <th scope="col">Share</th>
                    </tr>
                  </thead>
                  <tbody>
                    {parts.map(([c, label]) => {
                      const b = (result.components as Record<string, number>)[c] as number;
                      return (
                        <tr key={c}>
                          <th scope="row">
                            <span class={`vc-swatch vc-c-${c}`} aria-hidden="true" />
                            {label}
                          </th>
                          <td>{fmt(b, unit)}</td>
                          <td>{`${((b / total) * 100).toFixed(1)}%`}</td>
                        </tr>
                      );
                    })}
                  </tbody>
                  <tfoot>
                    <tr>
                      <th scope="row">Total per GPU</th>
                      <td>{fmt(total, unit)}</td>
                      <td />
                    </tr>
                  </tfoot>
                </table>
                {result.trainer && engine && <engine.TrainerModels t={result.trainer} fmt={(b) => fmt(b, unit)} />}
                <p class="vc-note">
                  {result.params.total.toLocaleString('en-US')} parameters,{' '}
                  {result.params.trainable.toLocaleString('en-US')} trainable.{' '}
                  {unit === 'GB' ? 'GB = 10⁹ bytes.' : 'GiB = 2³⁰ bytes.'}
                </p>
                {engine && <engine.Charts view={view} gpu={gpu?.name} fmt={(b) => fmt(b, unit)} />}
                <PhaseTable result={result} fmt={(b) => fmt(b, unit)} />
                {result.warnings.map((w) => (
                  <p class="vc-note" key={w}>
                    {w}
                  </p>
                ))}
                {bands[q.method ?? ''] && (
                  <p class="vc-note">
                    {bands[q.method ?? '']} <a href={`${links.aboutMemory}#ledger`}>The published runs</a>
                  </p>
                )}
                {gpu && result.maxBatch !== null && result.maxSeq !== null && (
                  <p class="vc-limits">
                    On the {gpu.name}: largest micro-batch <strong>{result.maxBatch}</strong>, longest sequence{' '}
                    <strong>{result.maxSeq.toLocaleString('en-US')}</strong> tokens
                    {result.maxSeq > 0 && result.maxSeq === result.contextLength ? ' (the model’s context length)' : ''}
                    .
                  </p>
                )}
                <table class="vc-table vc-gpus">
                  <caption>
                    Fit on common GPUs ({result.gpus > 1 ? `per GPU, ${result.gpus} GPUs` : 'one GPU'}): the size each
                    is sold as, and the memory its driver reports
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col">GPU (sold as)</th>
                      <th scope="col">Usable GB</th>
                      <th scope="col">Usable GiB</th>
                      <th scope="col">Fits?</th>
                    </tr>
                  </thead>
                  <tbody>
                    {gpus.map((g) => {
                      const ok = result.fits.find((f) => f.id === g.id)?.fits;
                      return (
                        <tr key={g.id} class={g.id === gpu?.id ? 'vc-current' : undefined}>
                          <th scope="row">
                            {g.name} <span class="vc-sold">({g.memoryGB} GB)</span>
                          </th>
                          <td>{num(g.usableBytes / 1e9)}</td>
                          <td>{num(g.usableBytes / 2 ** 30)}</td>
                          <td class={ok ? 'vc-ok' : 'vc-bad'}>{ok ? 'Yes' : 'No'}</td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </>,
            )}
          </>
        )}
        {embed ? (
          <p class="vc-note">
            <a href={`${links.calculator}?${view.query}`} target="_blank" rel="noopener">
              Open in the full calculator
            </a>{' '}
            ·{' '}
            <a href={links.aboutMemory} target="_blank" rel="noopener">
              How it is computed
            </a>
          </p>
        ) : (
          <div class="vc-share">
            <button type="button" onClick={() => copy(location.href, 'Link')}>
              Copy link
            </button>
            <button type="button" onClick={() => copy(embedCode, 'Embed code')}>
              Copy embed code
            </button>
            <code class="vc-code">{embedCode}</code>
            {bad.length > 0 && <p class="vc-note">The link and the embed code leave out {list(bad)}: not valid.</p>}
            <p class="vc-note" role="status">
              {copied}
            </p>
          </div>
        )}
      </section>
      {!embed && <PlanTools query={result ? view.query : null} method={q.method ?? ''} onImport={change} />}
      {compact && fold(`Change the model and settings (${summaryOf()})`, form, errors.length > 0)}
    </div>
  );
}
