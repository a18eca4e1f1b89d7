/**
 * The body of /embed.js, the calculator's loader for other sites (src/pages/embed.js.ts serves it with the list of
 * accepted parameters from the parameter table). It must stay self-contained: it is shipped as its source text.
 *
 * Inserts an iframe with the widget's page for data-layout (`pages`, compact by default) after its own <script>,
 * passes the script's data-* attributes that name a calculator parameter or an embed option (`options`: layout,
 * theme) as the widget's query (an alias under its parameter's name; the widget checks every value), and resizes the
 * frame from the widget's messages, accepted only from the widget's exact origin and window.
 */
export function embedLoader(
  accepted: readonly string[],
  aliases: Readonly<Record<string, string>>,
  pages: Readonly<Record<string, { path: string; height: number }>>,
  options: readonly string[],
): void {
  const script = document.currentScript as HTMLScriptElement | null;
  if (!script?.src) return;
  const src = new URL(script.src, location.href);
  const origin = src.origin;
  const base = src.pathname.replace(/embed\.js$/, '');
  const params = new URLSearchParams();
  for (const key of options) {
    const value = script.getAttribute(`data-${key}`);
    if (value !== null) params.set(key, value);
  }
  const page = pages[params.get('layout') ?? ''] ?? (Object.values(pages)[0] as { path: string; height: number });
  for (const key of accepted) {
    const value = script.getAttribute(`data-${key}`);
    const name = aliases[key] ?? key;
    if (value !== null && !params.has(name)) params.set(name, value);
  }
  const frame = `ftc-vram-${Math.random().toString(36).slice(2, 10)}`;
  params.set('host', location.origin);
  params.set('frame', frame);
  const iframe = document.createElement('iframe');
  iframe.src = `${origin}${base}${page.path}?${params}`;
  iframe.title = 'VRAM calculator for fine-tuning';
  iframe.loading = 'lazy';
  iframe.setAttribute('data-ftc-vram', frame);
  iframe.style.cssText = `display:block;width:100%;max-width:100%;height:${page.height}px;border:0;`;
  script.after(iframe);
  window.addEventListener('message', (event) => {
    // Exact origin of the widget, and its own window: nothing else may resize the frame.
    if (event.origin !== origin || event.source !== iframe.contentWindow) return;
    const data = event.data;
    if (data?.type !== 'ftc-vram:resize' || data.frame !== frame) return;
    const height = Number(data.height);
    if (height > 0 && height < 20000) iframe.style.height = `${Math.ceil(height)}px`;
  });
}
