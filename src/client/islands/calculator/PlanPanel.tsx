/**
 * The plan tools' on-demand part: the starter plan in the chosen format (shown, copied, downloaded) and the config
 * import. Every figure and key comes from src/lib/plan (exportPlan, importConfig); this file only shows them.
 */
import { useEffect, useId, useMemo, useState } from 'preact/hooks';
import type { CalculatorState, MethodId, TrainerId } from '../../../lib/memory/index.ts';
import { vramBadge } from '../../../lib/badge/words.ts';
import { estimateMemory } from '../../../lib/memory/estimate.ts';
import { param } from '../../../lib/memory/parameters.ts';
import { MODEL_PRESETS } from '../../../lib/memory/presets.ts';
import { decodeRaw } from './engine.ts';
import {
  ConfigImportError,
  exportPlan,
  FORMAT_NAMES,
  FORMATS,
  type FormatId,
  type ImportResult,
  importConfig,
  NO_EFFECT,
  unsupportedFormats,
} from '../../../lib/plan/index.ts';
import type { PlanToolsProps, Tool } from './PlanTools.tsx';

/** An imported value as the form shows it: the option's label, on/off for a switch. */
function shown(id: string, raw: string): string {
  const p = param(id);
  if (p?.type === 'bool') return raw === '1' ? 'on' : 'off';
  if (p?.type === 'model') return MODEL_PRESETS.find((m) => m.id === raw)?.name ?? raw;
  return p?.values?.find(([v]) => String(v) === raw)?.[1] ?? raw;
}

/** The calculator state of the view's canonical query (null while an input is invalid). */
const stateOf = (query: string | null): CalculatorState | null =>
  query === null ? null : decodeRaw(Object.fromEntries(new URLSearchParams(query))).state;

type Badge = typeof import('./PlanBadge.tsx');
let badge: Promise<Badge> | undefined;

export function PlanPanel(props: PlanToolsProps & { tool: Tool }) {
  return props.tool === 'export' ? <Export query={props.query} /> : <Import {...props} />;
}

function Export({ query }: { query: string | null }) {
  const uid = useId();
  const [chosen, setFormat] = useState<FormatId>('trl');
  const [status, setStatus] = useState('');
  // The badge is a chunk of its own (its glyph-width table), loaded with the open plan.
  const [badgeMod, setBadgeMod] = useState<Badge | null>(null);
  useEffect(() => {
    badge ??= import('./PlanBadge.tsx');
    badge.then(setBadgeMod, () => {
      badge = undefined;
    });
  }, []);
  const state = useMemo(() => stateOf(query), [query]);
  const trainer: TrainerId = state?.input.trainer ?? 'sft';
  const reasons = unsupportedFormats(trainer);
  // A format that cannot run the trainer cannot be chosen: the first one that can stands in for it.
  const format = reasons[chosen] ? (FORMATS.find((f) => !reasons[f]) ?? null) : chosen;
  const file = useMemo(() => {
    if (state === null || format === null) return null;
    try {
      return exportPlan(state, format);
    } catch {
      return null;
    }
  }, [state, format]);
  const refused = FORMATS.filter((f) => reasons[f]);
  // The badge's words, as `vram --badge` writes them for this state and its GPU.
  const words = useMemo(() => {
    const r = state && estimateMemory(state.input);
    return r?.ok && state ? vramBadge(r.estimate, state.gpu) : null;
  }, [state]);
  const copy = () =>
    file &&
    navigator.clipboard.writeText(file.text).then(
      () => setStatus(`${file.filename} copied.`),
      () => setStatus('Copy failed: select the text and copy it by hand.'),
    );
  const download = () => {
    if (!file) return;
    const url = URL.createObjectURL(new Blob([file.text], { type: file.mime }));
    const a = document.createElement('a');
    a.href = url;
    a.download = file.filename;
    document.body.append(a);
    a.click();
    a.remove();
    // Revoked later: some browsers read the URL after click() returns.
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    setStatus(`${file.filename} downloaded.`);
  };
  return (
    <div class="vc-plan-export">
      <fieldset class="vc-plan-formats">
        <legend>Format</legend>
        {FORMATS.map((f) => (
          <label key={f} class="vc-check">
            <input
              type="radio"
              name="vc-plan-format"
              value={f}
              checked={format === f}
              disabled={!!reasons[f]}
              aria-describedby={reasons[f] ? `${uid}-${f}` : undefined}
              onChange={() => {
                setFormat(f);
                setStatus('');
              }}
            />{' '}
            {FORMAT_NAMES[f]}
          </label>
        ))}
      </fieldset>
      {refused.length > 0 && (
        <ul class="vc-plan-list vc-note">
          {refused.map((f) => (
            <li key={f} id={`${uid}-${f}`}>
              {FORMAT_NAMES[f]}: {reasons[f]}.
            </li>
          ))}
        </ul>
      )}
      {file ? (
        <>
          <div class="vc-plan-actions">
            <button type="button" onClick={copy}>
              Copy
            </button>
            <button type="button" onClick={download}>
              Download {file.filename}
            </button>
            <span class="vc-note" role="status">
              {status}
            </span>
          </div>
          {/* Focusable so a keyboard can scroll it; it scrolls inside itself rather than widening the page. */}
          {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must take focus (WCAG 2.1.1) */}
          <section class="vc-plan-file" tabIndex={0} aria-label={file.filename}>
            <pre>{file.text}</pre>
          </section>
        </>
      ) : (
        <p class="vc-bad" role="status">
          {state !== null && format === null
            ? `No plan for ${trainer.toUpperCase()}: see why above.`
            : 'No plan until every input is valid.'}
        </p>
      )}
      {badgeMod && words && query !== null && <badgeMod.PlanBadge badge={words} query={query} />}
    </div>
  );
}

function Import({ method, query, onImport }: PlanToolsProps) {
  const uid = useId();
  const [text, setText] = useState('');
  const [error, setError] = useState('');
  const [result, setResult] = useState<ImportResult | null>(null);
  const read = () => {
    let r: ImportResult;
    try {
      // The current trainer, for a config that names none (a TRL argument list).
      r = importConfig(text, { method: method as MethodId, trainer: stateOf(query)?.input.trainer ?? 'sft' });
    } catch (e) {
      setResult(null);
      setError(e instanceof ConfigImportError ? e.message : 'The config could not be read.');
      return;
    }
    if (r.settings.length === 0) {
      setResult(null);
      setError(`Nothing in this ${FORMAT_NAMES[r.format]} config is a setting the calculator reads.`);
      return;
    }
    setError('');
    setResult(r);
    onImport(r.raw);
  };
  const inert = result?.ignored.filter((i) => i.reason === NO_EFFECT) ?? [];
  const other = result?.ignored.filter((i) => i.reason !== NO_EFFECT) ?? [];
  return (
    <div class="vc-plan-import">
      <label for={`${uid}-config`}>
        Paste an Axolotl or LLaMA-Factory YAML, or TRL arguments (JSON, key=value lines or a command line)
      </label>
      <textarea
        id={`${uid}-config`}
        rows={10}
        spellcheck={false}
        autoComplete="off"
        value={text}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={error ? `${uid}-error` : undefined}
        onInput={(e) => setText(e.currentTarget.value)}
      />
      <div class="vc-plan-actions">
        <button type="button" onClick={read}>
          Apply to the calculator
        </button>
      </div>
      <div role="status">
        {error && (
          <p id={`${uid}-error`} class="vc-bad">
            {error} The calculator is unchanged.
          </p>
        )}
        {result && (
          <>
            <p>
              Read as {FORMAT_NAMES[result.format]}: {result.settings.length} setting
              {result.settings.length === 1 ? '' : 's'} applied.
            </p>
            <ul class="vc-plan-list">
              {result.settings.map((s) => (
                <li key={s.param}>
                  {s.label}: <strong>{shown(s.param, s.value)}</strong>
                  {s.keys.length > 0 && <> (from {s.keys.join(', ')})</>}
                  {s.note && <> — {s.note}</>}
                </li>
              ))}
            </ul>
            {other.length > 0 && (
              <>
                <p>Ignored:</p>
                <ul class="vc-plan-list">
                  {other.map((i) => (
                    <li key={i.key}>
                      <code>{i.key}</code>: {i.reason}
                    </li>
                  ))}
                </ul>
              </>
            )}
            {inert.length > 0 && (
              <p class="vc-note">
                Ignored ({NO_EFFECT}): {inert.map((i) => i.key).join(', ')}.
              </p>
            )}
          </>
        )}
      </div>
    </div>
  );
}
