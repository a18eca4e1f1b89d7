/**
 * The calculator's "Use any Hugging Face model" panel: a Hub id to fetch, a config.json to paste, or a file to choose
 * or drop. It is `Panel`, the name VramCalculator loads each of its panels by, when the reader opens it: the config
 * parser (hf-config.ts) brings zod, so the page loads only the <details> that opens it. A config that reads becomes model=custom with its architecture
 * (config-controls.ts); one that does not leaves the calculator as it was and says why next to the field it came from.
 */
import { useId, useRef, useState } from 'preact/hooks';
import { configControls, loadedText } from '../../../lib/memory/config-controls.ts';
import { type HfConfigResult, parseHfConfig } from '../../../lib/memory/hf-config.ts';
import { fetchHubConfig, HUB_URL } from '../../../lib/memory/hub.ts';
import { setLastHubId } from './hub-choice.ts';

type Source = 'hub' | 'paste' | 'file';
interface Status {
  source: Source;
  /** null while the Hub is asked */
  ok: boolean | null;
  text: string;
  notes: string[];
}
type Read = HfConfigResult | { ok: false; message: string };

/** Far above any config.json (a few kB): a bigger file is something else and is not read. */
const MAX_BYTES = 1_000_000;

export function Panel({ onLoad }: { onLoad: (controls: Record<string, string>) => void }) {
  const uid = useId();
  const id = (s: string) => `${uid}-${s}`;
  const [hubId, setHubId] = useState('');
  const [text, setText] = useState('');
  const [status, setStatus] = useState<Status | null>(null);
  const pending = useRef<AbortController | null>(null);
  // A newer fetch, a paste or a file replaces a fetch under way.
  const cancel = () => {
    pending.current?.abort();
    pending.current = null;
  };

  const done = (source: Source, name: string, r: Read) => {
    if (r.ok) onLoad(configControls(r.arch));
    setStatus(
      r.ok
        ? { source, ok: true, text: loadedText(name, r.modelType, r.arch), notes: r.notes }
        : { source, ok: false, text: r.message, notes: [] },
    );
  };
  const fetchConfig = async (e: Event) => {
    e.preventDefault();
    const name = hubId.trim();
    cancel();
    const ctl = new AbortController();
    pending.current = ctl;
    setStatus({ source: 'hub', ok: null, text: `Fetching ${name}’s config.json…`, notes: [] });
    const r = await fetchHubConfig(HUB_URL, name, fetch, ctl.signal);
    if (pending.current !== ctl) return;
    pending.current = null;
    if (r.ok) setLastHubId(name);
    done('hub', name, r);
  };
  const readFile = async (file: File | undefined) => {
    if (!file) return;
    cancel();
    if (file.size > MAX_BYTES)
      return done('file', file.name, {
        ok: false,
        message: `${file.name} is ${(file.size / 1e6).toFixed(1)} MB: a config.json is a few kB.`,
      });
    const r = parseHfConfig(await file.text().catch(() => ''));
    done('file', file.name, r.ok ? r : { ok: false, message: `${file.name}: ${r.message}` });
  };
  const paste = (e: Event) => {
    e.preventDefault();
    cancel();
    done('paste', 'the pasted config', parseHfConfig(text));
  };

  const at = (s: Source) => (status?.source === s ? status : null);
  const field = (s: Source) => ({
    id: id(s),
    'aria-describedby': id(`${s}-msg`),
    'aria-invalid': at(s)?.ok === false ? ('true' as const) : undefined,
  });
  const message = (s: Source) => {
    const st = at(s);
    return (
      <div id={id(`${s}-msg`)} role="status" class={st?.ok === false ? 'vc-err' : st?.ok ? 'vc-ok' : 'vc-note'}>
        {st && <p>{st.text}</p>}
        {st?.notes.map((n) => (
          <p class="vc-note" key={n}>
            {n}
          </p>
        ))}
      </div>
    );
  };
  const dropping = (e: DragEvent) => e.dataTransfer?.types.includes('Files');

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: a drop target for a file; the file field is the keyboard way
    <div
      class="vc-source-body"
      onDragOver={(e) => dropping(e) && e.preventDefault()}
      onDrop={(e) => {
        if (!dropping(e)) return;
        e.preventDefault();
        readFile(e.dataTransfer?.files[0]);
      }}
    >
      <form class="vc-field" onSubmit={fetchConfig}>
        <label for={id('hub')}>Hub model id</label>
        <span class="vc-row">
          <input
            {...field('hub')}
            type="text"
            autoComplete="off"
            spellcheck={false}
            placeholder="Qwen/Qwen3-8B"
            value={hubId}
            onInput={(e) => setHubId(e.currentTarget.value)}
          />
          <button type="submit">Fetch config</button>
        </span>
        {message('hub')}
      </form>
      <form class="vc-field" onSubmit={paste}>
        <label for={id('paste')}>Or paste its config.json</label>
        <textarea
          {...field('paste')}
          rows={4}
          spellcheck={false}
          value={text}
          onInput={(e) => setText(e.currentTarget.value)}
        />
        <span class="vc-row">
          <button type="submit">Read pasted config</button>
        </span>
        {message('paste')}
      </form>
      <div class="vc-field">
        <label for={id('file')}>Or choose or drop the file</label>
        <input
          {...field('file')}
          type="file"
          accept=".json,application/json"
          onChange={(e) => readFile(e.currentTarget.files?.[0])}
        />
        {message('file')}
      </div>
      <p class="vc-note">
        Only the id goes to {new URL(HUB_URL).host}, without cookies. Gated models (Llama, Gemma) need their config.json
        downloaded from the model page and pasted or dropped here.
      </p>
    </div>
  );
}
