/**
 * The calculator's "Measure your data" panel: a JSONL sample's token lengths with the chosen model's own tokenizer
 * (src/lib/data), and buttons that put its p95 into the sequence length and its tokens into the time estimate.
 * VramCalculator loads it when the reader opens the panel (the tokenizer library and the template engine are ~30 kB).
 * The sample is read with Blob.text() and never leaves the page: the only requests are the tokenizer's files, by the
 * model's Hub id, without cookies. Counting yields to the page every few hundred examples, so it stays responsive.
 */
import { useEffect, useId, useMemo, useRef, useState } from 'preact/hooks';
import { type Counter, FALLBACK_TEXT, makeCounter, type TokenizerFiles } from '../../../lib/data/count.ts';
import { examplesOf, KIND_NAMES, type Kind } from '../../../lib/data/format.ts';
import { fetchTokenizer } from '../../../lib/data/hub-files.ts';
import { presetHubId } from '../../../lib/memory/preset-sources.ts';
import { checkSize, type LineError, MAX_LINES, parseJsonl } from '../../../lib/data/jsonl.ts';
import { applyPatches, lengthStats } from '../../../lib/data/stats.ts';
import { HUB_URL } from '../../../lib/memory/hub-url.ts';
import { lastHubId } from './hub-choice.ts';

export interface DataPanelProps {
  /** the calculator's controls, by URL name: it reads the model (a preset id, or custom), seq and examples */
  q: Readonly<Record<string, string>>;
  onApply: (controls: Record<string, string>) => void;
}

interface Tok {
  name: string;
  counter: Counter;
}
interface Measured {
  file: string;
  tokenizer: string;
  template: Counter['template'];
  kind: Kind;
  lengths: number[];
  errors: LineError[];
  cappedAt?: number;
}
type Status = { ok: boolean | null; text: string } | null;

/** How many bad lines are listed; the count says how many more there are. */
const SHOWN_ERRORS = 20;
const int = (n: number) => n.toLocaleString('en-US');
const count = (n: number, one: string) => `${int(n)} ${one}${n === 1 ? '' : 's'}`;
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const pause = () => new Promise((r) => setTimeout(r));

export function Panel({ q, onApply }: DataPanelProps) {
  const { model = '', seq = '', examples = '' } = q;
  const uid = useId();
  const id = (s: string) => `${uid}-${s}`;
  const suggested = (model !== 'custom' && presetHubId(model)) || lastHubId();
  const [hubId, setHubId] = useState(suggested);
  const [edited, setEdited] = useState(false);
  const [tok, setTok] = useState<Tok | null>(null);
  const [tokStatus, setTokStatus] = useState<Status>(null);
  const [dataStatus, setDataStatus] = useState<Status>(null);
  const [measured, setMeasured] = useState<Measured | null>(null);
  const run = useRef(0);
  /** the sample last chosen: counted again with each tokenizer that loads, so the figures are always the shown one's */
  const sampleFile = useRef<File | null>(null);

  // Another model in the form: its tokenizer, unless the reader typed an id of their own.
  useEffect(() => {
    if (!edited) setHubId(suggested);
  }, [suggested]);

  const adopt = (name: string, files: TokenizerFiles): Tok | null => {
    const counter = makeCounter(files);
    if (typeof counter === 'string') {
      setTokStatus({ ok: false, text: `${name}: ${counter}` });
      return null;
    }
    const t = { name, counter };
    setTok(t);
    if (sampleFile.current) measure(sampleFile.current, t);
    setTokStatus({
      ok: true,
      text:
        counter.template === 'model'
          ? `Tokenizer of ${name} loaded, with its chat template.`
          : `Tokenizer of ${name} loaded. ${FALLBACK_TEXT}`,
    });
    return t;
  };

  /** Fetches the tokenizer of the id in the field: false when it failed, null when a newer action replaced it. */
  const fetchTok = async (): Promise<Tok | false | null> => {
    const name = hubId.trim();
    if (tok?.name === name) return tok;
    const mine = ++run.current;
    setTokStatus({ ok: null, text: `Fetching ${name || 'the'} tokenizer…` });
    const r = await fetchTokenizer(HUB_URL, name, fetch);
    if (mine !== run.current) return null;
    if (!r.ok) {
      setTok(null);
      setTokStatus({ ok: false, text: r.message });
      return false;
    }
    return adopt(name, r.files) ?? false;
  };

  const readTokFiles = async (list: FileList | null | undefined) => {
    const files = [...(list ?? [])];
    const byName = (n: string) => files.find((f) => f.name === n);
    const main = byName('tokenizer.json');
    if (!main) return setTokStatus({ ok: false, text: 'Choose tokenizer.json (and tokenizer_config.json with it).' });
    try {
      const config = byName('tokenizer_config.json');
      const jinja = byName('chat_template.jinja');
      run.current++;
      adopt('the chosen tokenizer.json', {
        tokenizer: JSON.parse(await main.text()),
        config: config ? JSON.parse(await config.text()) : {},
        chatTemplate: jinja ? await jinja.text() : null,
      });
      setEdited(true);
    } catch {
      setTokStatus({
        ok: false,
        text: 'The chosen files are not JSON: choose tokenizer.json and tokenizer_config.json.',
      });
    }
  };

  const measure = async (file: File | undefined, loaded?: Tok) => {
    if (!file) return;
    const tooBig = checkSize(file.size, file.name);
    if (tooBig) return setDataStatus({ ok: false, text: tooBig });
    sampleFile.current = file;
    const t = loaded ?? tok;
    // No tokenizer yet: fetch it; once it loads, it counts this file (adopt).
    if (!t) {
      if ((await fetchTok()) === false)
        setDataStatus({ ok: false, text: `${file.name} is not counted yet: its tokenizer did not load.` });
      return;
    }
    const mine = ++run.current;
    setDataStatus({ ok: null, text: `Reading ${file.name}…` });
    const parsed = parseJsonl(await file.text().catch(() => ''));
    const { examples, kind, errors } = examplesOf(parsed.rows);
    const lengths: number[] = [];
    const all = [...parsed.errors, ...errors];
    for (const [i, { line, example }] of examples.entries()) {
      const n = t.counter.count(example);
      if (typeof n === 'number') lengths.push(n);
      else all.push({ line, message: `line ${line}: ${n}` });
      if (i % 250 === 249) {
        setDataStatus({ ok: null, text: `Counting ${file.name}: ${int(i + 1)} of ${int(examples.length)} examples…` });
        await pause();
        if (mine !== run.current) return;
      }
    }
    all.sort((a, b) => a.line - b.line);
    if (!kind || lengths.length === 0) {
      setMeasured(null);
      return setDataStatus({ ok: false, text: `${file.name} has no example TRL’s SFTTrainer could read.` });
    }
    setMeasured({
      file: file.name,
      tokenizer: t.name,
      template: t.counter.template,
      kind,
      lengths,
      errors: all,
      ...(parsed.cappedAt ? { cappedAt: parsed.cappedAt } : {}),
    });
    setDataStatus({
      // Counted: the lines that were not are listed under the figures.
      ok: true,
      text: `Counted ${int(lengths.length)} ${KIND_NAMES[kind]} examples of ${file.name} with ${t.name}’s tokenizer.`,
    });
  };

  const seqN = Number(seq);
  const stats = useMemo(
    () => (measured && Number.isInteger(seqN) && seqN > 0 ? lengthStats(measured.lengths, seqN) : null),
    [measured, seqN],
  );
  // The data set's size in the form (0 or not a number: none yet).
  const examplesN = /^\d+$/.test(examples) ? Number(examples) : 0;
  const patches = stats && applyPatches(stats, examplesN);
  const message = (key: string, st: Status) => (
    <div id={id(key)} role="status" class={st?.ok === false ? 'vc-err' : st?.ok ? 'vc-ok' : 'vc-note'}>
      {st && <p>{st.text}</p>}
    </div>
  );
  const dropping = (e: DragEvent) => e.dataTransfer?.types.includes('Files');

  return (
    <div class="vc-source-body">
      <form
        class="vc-field"
        onSubmit={(e) => {
          e.preventDefault();
          fetchTok();
        }}
      >
        <label for={id('hub')}>Tokenizer of (Hub model id)</label>
        <span class="vc-row">
          <input
            id={id('hub')}
            type="text"
            autoComplete="off"
            spellcheck={false}
            placeholder="Qwen/Qwen3-8B"
            value={hubId}
            aria-describedby={id('tok-msg')}
            aria-invalid={tokStatus?.ok === false ? 'true' : undefined}
            onInput={(e) => {
              setHubId(e.currentTarget.value);
              setEdited(true);
            }}
          />
          <button type="submit">Fetch tokenizer</button>
        </span>
        {message('tok-msg', tokStatus)}
      </form>
      <div class="vc-field">
        <label for={id('tok-files')}>Or choose its tokenizer.json and tokenizer_config.json</label>
        <input
          id={id('tok-files')}
          type="file"
          multiple
          accept=".json,.jinja,application/json"
          onChange={(e) => readTokFiles(e.currentTarget.files)}
        />
      </div>
      {/* biome-ignore lint/a11y/noStaticElementInteractions: a drop target for a file; the file field is the keyboard way */}
      <div
        class="vc-field vc-drop"
        onDragOver={(e) => dropping(e) && e.preventDefault()}
        onDrop={(e) => {
          if (!dropping(e)) return;
          e.preventDefault();
          measure(e.dataTransfer?.files[0]);
        }}
      >
        <label for={id('data')}>Your JSONL sample: choose or drop it here</label>
        <input
          id={id('data')}
          type="file"
          accept=".jsonl,.json,.txt,application/jsonl,application/x-ndjson"
          aria-describedby={id('data-msg')}
          aria-invalid={dataStatus?.ok === false && !measured ? 'true' : undefined}
          onChange={(e) => measure(e.currentTarget.files?.[0])}
        />
        <span class="vc-note">
          One example a line: {'{"messages": [...]}'}, {'{"prompt": …, "completion": …}'} or {'{"text": …}'}, as TRL’s
          SFTTrainer reads them. Up to {int(MAX_LINES)} lines.
        </span>
      </div>
      {message('data-msg', dataStatus)}
      {measured && stats && patches && (
        <>
          <table class="vc-table vc-data">
            <caption>
              {`Token lengths of ${measured.file} (${measured.tokenizer}’s tokenizer${measured.template === 'fallback' ? ', ChatML for the messages' : ''}) at sequence length ${int(seqN)}`}
            </caption>
            <tbody>
              <tr>
                <th scope="row">Examples</th>
                <td>{int(stats.count)}</td>
              </tr>
              <tr>
                <th scope="row">Median (p50)</th>
                <td>{int(stats.p50)}</td>
              </tr>
              <tr>
                <th scope="row">95th percentile (p95)</th>
                <td>{int(stats.p95)}</td>
              </tr>
              <tr>
                <th scope="row">Longest</th>
                <td>{int(stats.max)}</td>
              </tr>
              <tr>
                <th scope="row">Total tokens</th>
                <td>{int(stats.total)}</td>
              </tr>
              <tr>
                <th scope="row">Longer than {int(seqN)}</th>
                <td>
                  {count(stats.truncatedExamples, 'example')}, {count(stats.truncatedTokens, 'token')} cut
                </td>
              </tr>
              <tr>
                <th scope="row">Packed (TRL “bfd”)</th>
                <td>
                  {count(stats.packedSequences, 'sequence')}, {pct(stats.packedEfficiency)} full
                </td>
              </tr>
              <tr>
                <th scope="row">Padded to {int(seqN)}</th>
                <td>{pct(stats.paddedEfficiency)} full</td>
              </tr>
            </tbody>
          </table>
          <p class="vc-note">
            Full: tokens kept ÷ (sequences × {int(seqN)}). Packing (SFTConfig packing=True, best-fit decreasing) cuts
            each example at the sequence length and fills sequences with whole examples; padding gives each example a
            sequence of its own (TRL pads to the batch’s longest, so it wastes at most this).
          </p>
          <div class="vc-data-apply">
            <button type="button" onClick={() => onApply(patches.seq)}>
              Use p95 as sequence length ({int(stats.p95)})
            </button>
            <button type="button" onClick={() => onApply(patches.tokens)}>
              Use {int(patches.mean)} tokens per example for the time estimate
            </button>
          </div>
          <p class="vc-note">
            {`The mean an example keeps at ${int(seqN)}; the estimate multiplies it by Examples above${examplesN > 0 ? ` (${int(examplesN)})` : `, set to this sample’s ${int(stats.count)}: give your data set’s size there`}.`}
          </p>
          {(measured.errors.length > 0 || measured.cappedAt) && (
            <div class="vc-err">
              {measured.cappedAt && <p>Only the first {int(measured.cappedAt)} lines were read.</p>}
              {measured.errors.length > 0 && (
                <>
                  <p>
                    {int(measured.errors.length)} {measured.errors.length === 1 ? 'line was' : 'lines were'} not
                    counted:
                  </p>
                  <ul class="vc-data-errors">
                    {measured.errors.slice(0, SHOWN_ERRORS).map((e) => (
                      <li key={e.line}>{e.message}</li>
                    ))}
                    {measured.errors.length > SHOWN_ERRORS && (
                      <li>and {int(measured.errors.length - SHOWN_ERRORS)} more.</li>
                    )}
                  </ul>
                </>
              )}
            </div>
          )}
        </>
      )}
      <p class="vc-note">
        The file is read in this page and never sent anywhere: only the model id goes to {new URL(HUB_URL).host}, for
        its tokenizer files, without cookies.
      </p>
    </div>
  );
}
