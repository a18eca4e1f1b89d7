/**
 * The VRAM calculator island. UI only: every figure comes from src/lib/memory (computeView).
 *
 * The page computes the default view at build time and passes it in, with the model and GPU lists, so the island's
 * own JavaScript is the form and the result display. The memory model itself (src/lib/memory/view.ts) is loaded when
 * the reader first changes an input, or at once when the URL carries a state. State lives in the URL query, with
 * the `vram` CLI's flag names (see src/lib/memory/url-state.ts).
 *
 * Embed mode (`embed`): the loader (public/embed.js) passes `host` (the embedding page's origin) and `frame` (an id)
 * in the query. The widget posts `{ type: 'ftc-vram:resize', frame, height }` to that origin only, and acts on one
 * message, `{ type: 'ftc-vram:set', query }`, only when it comes from the parent window with exactly that origin.
 */
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { CalculatorView } from '../../lib/memory/view.ts';
import { routes } from '../../lib/site/routes.ts';
import { withBase } from '../../lib/site/url.ts';
import './VramCalculator.css';

type Query = Record<string, string>;
export interface GpuOption {
  id: string;
  name: string;
  memoryGB: number;
  usableBytes: number;
}
export interface Props {
  /** the view of `defaults`, computed at build time (computeView) */
  initial: CalculatorView;
  /** every control's default value as a URL parameter (controlDefaults) */
  defaults: Query;
  /** [id, name] of the model presets */
  models: [string, string][];
  gpus: GpuOption[];
  /** render for an iframe: no share tools, height reported to the host page */
  embed?: boolean;
  /** site base path for links */
  base?: string;
}

const COMPONENTS: [string, string][] = [
  ['weights', 'Weights'],
  ['trainable', 'Adapter weights'],
  ['gradients', 'Gradients'],
  ['optimizer', 'Optimizer states'],
  ['activations', 'Activations'],
  ['logits', 'Logits and loss'],
  ['overhead', 'CUDA context, allocator'],
];
const opts = (s: string): [string, string][] =>
  s.split('|').map((x) => {
    const [v, l] = x.split('=');
    return [v as string, l ?? (v as string)];
  });
const METHODS = opts('full=Full|lora=LoRA|qlora=QLoRA|dora=DoRA');
const SELECTS: Record<string, [string, [string, string][]]> = {
  targets: ['Target modules', opts('qv=q, v|attention=Attention (q, k, v, o)|all-linear=All linear')],
  precision: ['Precision', opts('mixed-bf16=Mixed bf16|pure-bf16=Pure bf16|fp32')],
  optimizer: [
    'Optimizer',
    opts(
      'adamw=AdamW|adamw-8bit=8-bit AdamW|paged-adamw-8bit=Paged 8-bit AdamW|sgd=SGD + momentum|adafactor=Adafactor',
    ),
  ],
  attention: ['Attention kernel', opts('flash=FlashAttention|eager=Eager (s² scores)')],
  sharding: ['Sharding', opts('none=None (DDP)|zero1=ZeRO-1|zero2=ZeRO-2|zero3=ZeRO-3|fsdp=FSDP (full shard)')],
  mlp: ['MLP', opts('gated=Gated (SwiGLU)|plain=Plain (GELU)')],
  norm: ['Norm', opts('rmsnorm=RMSNorm|layernorm=LayerNorm')],
};
const NUMBERS: Record<string, string> = {
  rank: 'LoRA rank',
  seq: 'Sequence length',
  batch: 'Micro-batch',
  gpus: 'GPUs',
  hidden: 'Hidden size',
  layers: 'Layers',
  heads: 'Attention heads',
  'kv-heads': 'KV heads',
  'head-dim': 'Head dim',
  intermediate: 'MLP size',
  vocab: 'Vocabulary',
  experts: 'Experts',
  'active-experts': 'Active experts',
};
const ARCH = [
  'hidden',
  'layers',
  'heads',
  'kv-heads',
  'head-dim',
  'intermediate',
  'vocab',
  'experts',
  'active-experts',
];

type ViewModule = typeof import('../../lib/memory/view.ts');
let viewModule: Promise<ViewModule> | undefined;
const loadModel = (): Promise<ViewModule> => {
  viewModule ??= import('../../lib/memory/view.ts');
  return viewModule;
};

function fmt(bytes: number, unit: string): string {
  const v = bytes / (unit === 'GiB' ? 2 ** 30 : 1e9);
  const d = v < 10 ? 2 : 1;
  return `${v.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d })} ${unit}`;
}

function exactOrigin(s: string | null): string | null {
  try {
    return s && new URL(s).origin === s && /^https?:/.test(s) ? s : null;
  } catch {
    return null;
  }
}

export default function VramCalculator({ initial, defaults, models, gpus, embed = false, base = '/' }: Props) {
  const uid = useId();
  const id = (s: string) => `${uid}-${s}`;
  const [q, setQ] = useState<Query>(defaults);
  const [view, setView] = useState<CalculatorView>(initial);
  const [touched, setTouched] = useState(false);
  const [copied, setCopied] = useState('');
  const [origin, setOrigin] = useState('');
  const root = useRef<HTMLDivElement>(null);
  const latest = useRef(q);
  const host = useRef<{ origin: string | null; frame: string }>({ origin: null, frame: '' });

  const apply = (next: Query) => {
    latest.current = next;
    setQ(next);
    loadModel().then((m) => {
      if (latest.current === next) setView(m.computeView(next));
    });
  };

  // Read the URL once mounted (the static HTML shows the defaults); in an iframe, listen to the host page.
  useEffect(() => {
    setOrigin(location.origin);
    const p = new URLSearchParams(location.search);
    const fromSearch = (search: string) => loadModel().then((m) => apply(m.controlsFromSearch(search, defaults)));
    if (location.search && [...p.keys()].some((k) => k in defaults || k === 'preset')) fromSearch(location.search);
    if (!embed) return;
    host.current = { origin: exactOrigin(p.get('host')), frame: (p.get('frame') ?? '').slice(0, 64) };
    const onMessage = (e: MessageEvent) => {
      // Only the embedding page, from exactly the origin the loader declared, may change the state.
      if (!host.current.origin || e.origin !== host.current.origin || e.source !== window.parent) return;
      const d = e.data as { type?: unknown; query?: unknown } | null;
      if (d?.type === 'ftc-vram:set' && typeof d.query === 'string' && d.query.length < 4000) fromSearch(d.query);
    };
    addEventListener('message', onMessage);
    return () => removeEventListener('message', onMessage);
  }, []);

  // Keep the page URL in sync (full page only).
  useEffect(() => {
    if (!embed && touched)
      history.replaceState(history.state, '', `${location.pathname}?${view.query}${location.hash}`);
  }, [view.query, touched]);

  // Report the height to the host page (embed only).
  useEffect(() => {
    const el = root.current;
    if (!embed || !el || typeof ResizeObserver === 'undefined') return;
    const post = () => {
      const { origin, frame } = host.current;
      if (origin && parent !== window)
        parent.postMessage({ type: 'ftc-vram:resize', frame, height: el.scrollHeight }, origin);
    };
    const ro = new ResizeObserver(post);
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  const set = (key: string, value: string) => {
    setTouched(true);
    apply({ ...latest.current, [key]: value });
  };
  const err = (key: string) => view.errors[key];
  const described = (key: string) =>
    err(key) ? { 'aria-invalid': 'true' as const, 'aria-describedby': id(`${key}-err`) } : {};
  const message = (key: string, label: string) =>
    err(key) && (
      <span id={id(`${key}-err`)} class="vc-err">
        {label} {err(key)}
      </span>
    );
  const num = (key: string, disabled = false) => (
    <div class="vc-field" key={key}>
      <label for={id(key)}>{NUMBERS[key]}</label>
      <input
        id={id(key)}
        type="number"
        inputMode="numeric"
        min={1}
        step={1}
        value={q[key]}
        disabled={disabled}
        {...described(key)}
        onInput={(e) => set(key, e.currentTarget.value)}
      />
      {message(key, NUMBERS[key] as string)}
    </div>
  );
  const select = (key: string, label: string, options: [string, string][]) => (
    <div class="vc-field" key={key}>
      <label for={id(key)}>{label}</label>
      <select id={id(key)} value={q[key]} {...described(key)} onChange={(e) => set(key, e.currentTarget.value)}>
        {options.map(([v, l]) => (
          <option key={v} value={v}>
            {l}
          </option>
        ))}
      </select>
      {message(key, label)}
    </div>
  );
  const sel = (key: string) => select(key, ...(SELECTS[key] as [string, [string, string][]]));
  const check = (key: string, label: string, disabled = false) => (
    <label class="vc-check" key={key}>
      <input
        type="checkbox"
        checked={q[key] === '1' || q[key] === 'true'}
        disabled={disabled}
        onChange={(e) => set(key, e.currentTarget.checked ? '1' : '0')}
      />{' '}
      {label}
    </label>
  );
  const radios = (key: string, label: string, options: [string, string][]) => (
    <div class="vc-radios" role="radiogroup" aria-label={label}>
      {options.map(([v, l]) => (
        <label key={v} class="vc-check">
          <input type="radio" name={id(key)} value={v} checked={q[key] === v} onChange={() => set(key, v)} /> {l}
        </label>
      ))}
    </div>
  );

  const { unit, result } = view;
  const gpu = gpus.find((g) => g.id === view.gpu);
  const adapter = q.method !== 'full';
  const total = result?.total ?? 0;
  const scale = Math.max(total, gpu?.usableBytes ?? 0) || 1;
  const fits = result && gpu ? total <= gpu.usableBytes : null;
  const errors = Object.entries(view.errors);
  const embedCode = `<script src="${origin}${base}embed.js" data-preset="${
    q.model === 'custom' ? defaults.model : q.model
  }" data-method="${q.method}" async></script>`;
  const copy = (text: string, what: string) =>
    navigator.clipboard.writeText(text).then(
      () => setCopied(`${what} copied.`),
      () => setCopied('Copy failed: select the text and copy it by hand.'),
    );
  let x = 0;

  return (
    <div class={embed ? 'vc vc-embed' : 'vc'} ref={root} onFocusCapture={loadModel} onPointerEnter={loadModel}>
      <div class="vc-form">
        <fieldset class="vc-group">
          <legend>Model</legend>
          {select('model', 'Model', [...models, ['custom', 'Custom architecture…']])}
          {q.model === 'custom' && (
            <div class="vc-grid">
              {ARCH.map((k) => num(k))}
              {sel('mlp')}
              {sel('norm')}
              {check('tied', 'Tied embeddings')}
              {check('qkv-bias', 'Bias on q, k, v')}
            </div>
          )}
        </fieldset>
        <fieldset class="vc-group">
          <legend>Method</legend>
          {radios('method', 'Fine-tuning method', METHODS)}
          <div class="vc-grid">
            {num('rank', !adapter)}
            {adapter && sel('targets')}
          </div>
          {check('double-quant', 'Double quantization (QLoRA)', q.method !== 'qlora')}
        </fieldset>
        <fieldset class="vc-group">
          <legend>Training</legend>
          <div class="vc-grid">
            {sel('precision')}
            {sel('optimizer')}
            {num('seq')}
            {num('batch')}
            {sel('attention')}
          </div>
          {check('grad-checkpointing', 'Gradient checkpointing')}
          {check('chunked-loss', 'Chunked cross-entropy')}
        </fieldset>
        <fieldset class="vc-group">
          <legend>GPUs</legend>
          <div class="vc-grid">
            {select('gpu', 'GPU', [
              ...gpus.map((g): [string, string] => [g.id, `${g.name} (${g.memoryGB} GB)`]),
              ['none', 'No GPU chosen'],
            ])}
            {num('gpus')}
            {sel('sharding')}
          </div>
        </fieldset>
      </div>

      <section class="vc-result" aria-labelledby={id('result')}>
        <h2 id={id('result')} class="vc-h">
          Estimate per GPU
        </h2>
        {radios('unit', 'Unit', opts('GB|GiB'))}
        <p class="vc-total" aria-live="polite" aria-atomic="true">
          {result ? (
            <>
              <strong>{fmt(total, unit)}</strong>
              {gpu && (
                <span class={fits ? 'vc-ok' : 'vc-bad'}>
                  {fits ? ' fits ' : ' does not fit '}
                  {gpu.name} ({fmt(gpu.usableBytes, unit)} usable)
                </span>
              )}
            </>
          ) : (
            <span class="vc-bad">Fix the highlighted inputs to see an estimate.</span>
          )}
        </p>
        {errors.length > 0 && (
          <ul class="vc-errors">
            {errors.map(([k, m]) => (
              <li key={k}>
                <code>{k}</code> {m}
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
              {COMPONENTS.map(([c, label]) => {
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
              {gpu && (
                <line
                  class="vc-cap"
                  x1={(gpu.usableBytes / scale) * 1000}
                  x2={(gpu.usableBytes / scale) * 1000}
                  y1={0}
                  y2={48}
                />
              )}
            </svg>
            <table class="vc-table">
              <caption class="vc-sr">Components of the per-GPU estimate</caption>
              <thead>
                <tr>
                  <th scope="col">Component</th>
                  <th scope="col">{unit}</th>
                  <th scope="col">Share</th>
                </tr>
              </thead>
              <tbody>
                {COMPONENTS.map(([c, label]) => {
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
            <p class="vc-note">
              {result.params.total.toLocaleString('en-US')} parameters,{' '}
              {result.params.trainable.toLocaleString('en-US')} trainable.{' '}
              {unit === 'GB' ? 'GB = 10⁹ bytes.' : 'GiB = 2³⁰ bytes.'}
            </p>
            {gpu && result.maxBatch !== null && result.maxSeq !== null && (
              <p class="vc-limits">
                On the {gpu.name}: largest micro-batch <strong>{result.maxBatch}</strong>, longest sequence{' '}
                <strong>{result.maxSeq.toLocaleString('en-US')}</strong> tokens
                {result.maxSeq > 0 && result.maxSeq === result.contextLength ? ' (the model’s context length)' : ''}.
              </p>
            )}
            <table class="vc-table vc-gpus">
              <caption>Fit on common GPUs ({result.gpus > 1 ? `per GPU, ${result.gpus} GPUs` : 'one GPU'})</caption>
              <thead>
                <tr>
                  <th scope="col">GPU</th>
                  <th scope="col">Usable</th>
                  <th scope="col">Fits?</th>
                </tr>
              </thead>
              <tbody>
                {gpus.map((g) => {
                  const ok = result.fits.find((f) => f.id === g.id)?.fits;
                  return (
                    <tr key={g.id} class={g.id === gpu?.id ? 'vc-current' : undefined}>
                      <th scope="row">{g.name}</th>
                      <td>{fmt(g.usableBytes, unit)}</td>
                      <td class={ok ? 'vc-ok' : 'vc-bad'}>{ok ? 'Yes' : 'No'}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </>
        )}
        {embed ? (
          <p class="vc-note">
            <a href={`${withBase(base, routes.calculator())}?${view.query}`} target="_blank" rel="noopener">
              Open in the full calculator
            </a>{' '}
            ·{' '}
            <a href={withBase(base, routes.aboutMemory())} target="_blank" rel="noopener">
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
            <p class="vc-note" role="status">
              {copied}
            </p>
          </div>
        )}
      </section>
    </div>
  );
}
