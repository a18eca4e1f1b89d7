/*! Fine-Tuning Cards VRAM calculator loader.
 * <script src="https://SITE/embed.js" data-preset="llama-3.1-8b" data-method="qlora" async></script>
 * Inserts an iframe with /embed/calculator/ after this script, passes the data-* attributes as its initial state
 * (data-preset or data-model, data-method, data-precision, data-optimizer, data-rank, data-targets, data-seq,
 * data-batch, data-grad-checkpointing, data-attention, data-gpus, data-sharding, data-double-quant, data-gpu,
 * data-unit) and resizes it from the widget's messages, accepted only from the widget's exact origin and window. */
(() => {
  const script = document.currentScript;
  if (!script?.src) return;
  const src = new URL(script.src, location.href);
  const origin = src.origin;
  const base = src.pathname.replace(/embed\.js$/, '');
  const keys = [
    'preset',
    'model',
    'method',
    'precision',
    'optimizer',
    'rank',
    'targets',
    'seq',
    'batch',
    'grad-checkpointing',
    'attention',
    'gpus',
    'sharding',
    'double-quant',
    'chunked-loss',
    'gpu',
    'unit',
  ];
  const params = new URLSearchParams();
  for (const key of keys) {
    const value = script.getAttribute(`data-${key}`);
    if (value !== null) params.set(key === 'preset' ? 'model' : key, value);
  }
  const frame = `ftc-vram-${Math.random().toString(36).slice(2, 10)}`;
  params.set('host', location.origin);
  params.set('frame', frame);
  const iframe = document.createElement('iframe');
  iframe.src = `${origin}${base}embed/calculator/?${params}`;
  iframe.title = 'VRAM calculator for fine-tuning';
  iframe.loading = 'lazy';
  iframe.setAttribute('data-ftc-vram', frame);
  iframe.style.cssText = 'display:block;width:100%;max-width:100%;height:720px;border:0;';
  script.after(iframe);
  window.addEventListener('message', (event) => {
    // Exact origin of the widget, and its own window: nothing else may resize the frame.
    if (event.origin !== origin || event.source !== iframe.contentWindow) return;
    const data = event.data;
    if (data?.type !== 'ftc-vram:resize' || data.frame !== frame) return;
    const height = Number(data.height);
    if (height > 0 && height < 20000) iframe.style.height = `${Math.ceil(height)}px`;
  });
})();
