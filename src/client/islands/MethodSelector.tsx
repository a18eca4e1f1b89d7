/**
 * The method selector island: a short form in, one recommendation out, updated live.
 * Pages embed it through src/components/MethodSelectorIsland.astro, which passes what it needs from the build:
 * `<MethodSelectorIsland />`, or `<MethodSelectorIsland preset="alignment" />`.
 * State lives in the URL (history.replaceState) once the reader changes an answer; a shared link restores it.
 * The result element carries data-objective, data-strategy and data-prerequisites for tests and other pages.
 *
 * JS budget (15 kB gzipped for the page): the engine (rules, texts, memory table, URL codec, starting answers:
 * src/lib/selector/island-engine.ts) is a separate chunk, loaded when the reader first focuses or touches the form,
 * or at once when the URL carries answers. Until then the island shows the answer rendered at build time, which it
 * reads back (with the answers it is for) from the result element's data-answer attribute to hydrate as is.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { PLAN_ANCHOR } from '../../lib/plan/anchor.ts';
import { calculatorHref, cardHref } from '../../lib/selector/links.ts';
import {
  DATA_LABELS,
  GOAL_LABELS,
  headlineOf,
  INPUT_LABELS,
  PREREQUISITE_LABELS,
  PRESERVE_LABELS,
  STRATEGY_LABELS,
} from '../../lib/selector/labels.ts';
import { MAX_GPUS } from '../../lib/selector/limits.ts';
import { formatCount, gb, parseCount } from '../../lib/selector/numbers.ts';
import type { InputKey, Recommendation, SelectorInput } from '../../lib/selector/types.ts';
import type { Notice } from '../../lib/selector/url.ts';
import './MethodSelector.css';

// The engine is imported statically only on the server (to render the answer at build time); in the browser the
// condition is false at build time, so the bundler drops this import and the engine arrives through loadEngine().
const atBuild = import.meta.env.SSR ? await import('../../lib/selector/island-engine.ts') : null;

export interface Props {
  /** Starting answers: default | alignment | chat | knowledge | verifiable | fresh-facts. */
  preset?: string;
  /** Prefix of the element ids (default `ms-<preset>`); set it when a page has two selectors with one preset. */
  id?: string;
  /** Site base path for links (defaults to the build's base). */
  base?: string;
  /** Read and write the answers in the page URL (default true). */
  syncUrl?: boolean;
  /** Level of the island's headings (default 2). */
  headingLevel?: 2 | 3 | 4;
  /**
   * Titles of the cards an answer can link to, by id, from the deck at build time (MethodSelectorIsland.astro passes
   * them); a card without one is linked by its id.
   */
  cardTitles?: Record<string, string>;
  /** [id, name] of the models to choose from (the wrapper passes the memory model's presets). */
  models: readonly Option[];
  /** [id, name] of the GPUs to choose from. */
  gpus: readonly Option[];
  /** The memory assumptions sentence (memory-assumptions.ts ASSUMPTIONS_TEXT), passed in so it ships as HTML. */
  assumptions: string;
}

type Option = readonly [string, string];

interface State {
  /** The answers (null, like `r`, only before the engine arrives on a page without a build-time answer). */
  input: SelectorInput | null;
  /** The answer for `input`. */
  r: Recommendation | null;
  notices: Notice[];
  touched: boolean;
}

type Engine = typeof import('../../lib/selector/island-engine.ts');
let engine: Engine | null = null;
let loading: Promise<Engine> | null = null;
function loadEngine(): Promise<Engine> {
  loading ??= import('../../lib/selector/island-engine.ts').then((m) => {
    engine = m;
    return m;
  });
  return loading;
}

type Setter = <K extends InputKey>(key: K, value: SelectorInput[K]) => void;

const EVAL = { yes: 'Yes', no: 'No, not yet' };
const SFT = { yes: 'Yes (a chat or instruct model)', no: 'No, a base model' };
const QUALITY = { curated: 'Curated: checked, consistent', noisy: 'Noisy: scraped, unchecked' };

function radios(
  id: string,
  key: InputKey,
  legend: string,
  labels: Record<string, string>,
  input: SelectorInput,
  set: Setter,
  extra?: ComponentChildren,
) {
  return (
    <fieldset class="ms-group">
      <legend>{legend}</legend>
      {Object.keys(labels).map((o) => (
        <label key={o} class="ms-choice">
          <input type="radio" name={`${id}-${key}`} value={o} checked={input[key] === o} onChange={() => set(key, o)} />{' '}
          {labels[o]}
        </label>
      ))}
      {extra}
    </fieldset>
  );
}

function select(
  id: string,
  key: 'model' | 'gpu',
  text: string,
  options: readonly Option[],
  input: SelectorInput,
  set: Setter,
) {
  return (
    <div class="ms-field">
      <label for={`${id}-${key}`}>{text}</label>
      <select id={`${id}-${key}`} value={input[key]} onChange={(e) => set(key, e.currentTarget.value)}>
        {options.map(([v, name]) => (
          <option key={v} value={v}>
            {name}
          </option>
        ))}
      </select>
    </div>
  );
}

interface CountProps {
  id: string;
  label: string;
  hint: string;
  value: number;
  min: number;
  onValue: (n: number) => void;
}

/** A count field that accepts "3000", "3,000" or "500M", and says so when it cannot read the value. */
function CountField({ id, label, hint, value, min, onValue }: CountProps) {
  const [text, setText] = useState(() => formatCount(value));
  // A new value from outside (a preset, a link) replaces the text, unless the text already reads as that value.
  useEffect(() => {
    if (parseCount(text) !== value) setText(formatCount(value));
  }, [value]);
  const v = parseCount(text);
  const bad = v === null || v < min;
  return (
    <div class="ms-field">
      <label for={id}>{label}</label>
      <input
        id={id}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        value={text}
        aria-invalid={bad}
        aria-describedby={`${id}-hint`}
        onInput={(e) => {
          const t = e.currentTarget.value;
          const x = parseCount(t);
          setText(t);
          if (x !== null && x >= min) onValue(x);
        }}
      />
      <span id={`${id}-hint`} class={bad ? 'ms-hint ms-bad' : 'ms-hint'}>
        {bad ? `Enter a whole number of at least ${min}, e.g. ${hint}.` : `e.g. ${hint}`}
      </span>
    </div>
  );
}

function initialState(id: string, preset: string | undefined): State {
  const e = atBuild ?? engine;
  let r: Recommendation | null;
  if (e) r = e.recommend(e.PRESETS[preset ?? 'default']);
  else {
    const json = document.getElementById(`${id}-result`)?.getAttribute('data-answer');
    r = json ? (JSON.parse(json) as Recommendation) : null;
  }
  return { input: r?.input ?? null, r, notices: [], touched: false };
}

const warm = () => {
  loadEngine();
};

export default function MethodSelector({
  preset,
  id: idProp,
  base,
  syncUrl = true,
  headingLevel = 2,
  cardTitles = {},
  models,
  gpus,
  assumptions,
}: Props) {
  const id = idProp ?? `ms-${preset ?? 'default'}`;
  const [state, setState] = useState<State>(() => initialState(id, preset));
  const { input, notices, r, touched } = state;

  // Answers from the URL (or no build-time answer): load the engine at once.
  useEffect(() => {
    const search = syncUrl ? location.search : '';
    if (!search && state.r) return;
    loadEngine().then((e) => {
      const start = e.PRESETS[preset ?? 'default'];
      const parsed = search ? e.inputFromParams(search, start) : null;
      setState((s) => {
        const next = parsed && !s.touched ? parsed.input : (s.input ?? e.normalizeInput(start));
        return { ...s, input: next, notices: parsed?.notices ?? [], r: e.recommend(next) };
      });
    });
  }, []);

  // Once the reader changed an answer, the URL carries the answers.
  useEffect(() => {
    if (syncUrl && touched && engine && input)
      history.replaceState(
        history.state,
        '',
        `${location.pathname}?${engine.serializeSelectorParams(input)}${location.hash}`,
      );
  }, [r]);

  const set: Setter = (key, value) => {
    setState((s) => {
      if (!s.input) return s;
      const next = { ...s.input, [key]: value };
      return { ...s, input: next, touched: true, r: engine ? engine.recommend(next) : s.r };
    });
    if (!engine) loadEngine().then((e) => setState((s) => (s.input ? { ...s, r: e.recommend(s.input) } : s)));
  };

  if (!input) return <p class="ms">Loading the selector…</p>;

  const H = `h${headingLevel}` as 'h2';
  const counted = input.data === 'demonstrations' || input.data === 'preferences' || input.data === 'binary-feedback';
  return (
    <div class="ms">
      {notices.length > 0 && (
        <div class="ms-notices" role="status">
          <p>Parts of this link were ignored:</p>
          <ul>
            {notices.map((x) => (
              <li key={x.param + x.value}>{x.message}</li>
            ))}
          </ul>
        </div>
      )}
      <a class="ms-skip" href={`#${id}-answer`}>
        Skip to the recommendation
      </a>
      <div class="ms-form" onFocusIn={warm} onPointerDown={warm}>
        {radios(id, 'goal', 'What should the model get better at?', GOAL_LABELS, input, set)}
        {radios(
          id,
          'data',
          'What data do you have?',
          DATA_LABELS,
          input,
          set,
          counted ? (
            <CountField
              id={`${id}-examples`}
              label="How many examples, pairs or labels?"
              hint="3000"
              value={input.examples}
              min={0}
              onValue={(v) => set('examples', v)}
            />
          ) : input.data === 'corpus' ? (
            <CountField
              id={`${id}-tokens`}
              label="Corpus size in tokens"
              hint="500M"
              value={input.tokens}
              min={0}
              onValue={(v) => set('tokens', v)}
            />
          ) : null,
        )}
        {radios(id, 'quality', 'How clean is the data?', QUALITY, input, set)}
        {radios(id, 'eval', 'Do you have a held-out eval set with a task metric?', EVAL, input, set)}
        {radios(id, 'sft', 'Is the model already instruction-tuned?', SFT, input, set)}
        <fieldset class="ms-group">
          <legend>Model and GPUs</legend>
          {select(id, 'model', 'Model', models, input, set)}
          {select(id, 'gpu', 'GPU', gpus, input, set)}
          <CountField
            id={`${id}-gpus`}
            label="Number of GPUs"
            hint="8"
            value={input.gpus}
            min={1}
            onValue={(v) => set('gpus', Math.min(v, MAX_GPUS))}
          />
        </fieldset>
        {radios(id, 'preserve', 'How much general capability must be kept?', PRESERVE_LABELS, input, set)}
      </div>
      <section class="ms-answer" aria-labelledby={`${id}-answer`}>
        <H id={`${id}-answer`}>Recommendation</H>
        {r &&
          answer(
            r,
            id,
            base ?? import.meta.env.BASE_URL ?? '/',
            headingLevel,
            touched && !engine,
            cardTitles,
            assumptions,
          )}
      </section>
    </div>
  );
}

function answer(
  r: Recommendation,
  id: string,
  site: string,
  headingLevel: number,
  busy: boolean,
  cardTitles: Record<string, string>,
  assumptions: string,
) {
  const H3 = `h${headingLevel + 1}` as 'h3';
  const m = r.memory;
  const ru = r.runnerUp;
  return (
    <>
      <div
        class="ms-result"
        id={`${id}-result`}
        data-objective={r.objective}
        data-strategy={r.strategy}
        data-prerequisites={r.prerequisites.join(' ')}
        data-answer={import.meta.env.SSR ? JSON.stringify(r) : undefined}
        aria-live="polite"
        aria-busy={busy}
      >
        {r.prerequisites.length > 0 && (
          <div class="ms-first">
            <strong>Before anything else:</strong>
            <ol>
              {r.prerequisites.map((p) => (
                <li key={p}>{PREREQUISITE_LABELS[p]}</li>
              ))}
            </ol>
          </div>
        )}
        <p class="ms-headline">
          <strong>{r.headline}</strong>
        </p>
        {m && (
          <p>
            {r.strategy === 'does-not-fit' ? `Even ${STRATEGY_LABELS[m.method]} needs` : 'Estimate:'} about{' '}
            <strong>{gb(m.perGpuBytes)} per GPU</strong> of {gb(m.usableBytes)}
            {r.input.gpus > 1 ? `, on ${r.input.gpus} GPUs` : ''}.
          </p>
        )}
      </div>
      <H3>Why</H3>
      <ul class="ms-reasons">
        {r.reasons.map((x) => (
          <li key={x.text}>
            <span class="ms-tag">{INPUT_LABELS[x.input]}</span> {x.text}
          </li>
        ))}
      </ul>
      {r.calculator && m && (
        <p>
          <a href={`${calculatorHref(r.calculator, site)}#${PLAN_ANCHOR}`}>Plan this run in the VRAM calculator</a>
          {m.extraBytes > 0 ? ` (training only; add ${gb(m.extraBytes)} for ${m.extraNote})` : ''}
        </p>
      )}
      <H3>Runner-up</H3>
      <p>
        <strong>{headlineOf(ru.objective, ru.strategy)}</strong>: {ru.when}
      </p>
      {r.strategyRunnerUp && (
        <p>
          <strong>{STRATEGY_LABELS[r.strategyRunnerUp.strategy]}</strong> instead of {STRATEGY_LABELS[r.strategy]}:{' '}
          {r.strategyRunnerUp.when}
        </p>
      )}
      <H3>What would change the answer</H3>
      <ul>
        {r.flips.map((f) => (
          <li key={f.text}>{f.text}</li>
        ))}
      </ul>
      <H3>Read more</H3>
      <ul class="ms-cards">
        {r.cards.map((c) => (
          <li key={c.slug}>
            <a href={cardHref(c.slug, site)}>{cardTitles[c.slug] ?? c.slug}</a>
          </li>
        ))}
      </ul>
      <p class="ms-assume">{assumptions}</p>
    </>
  );
}
