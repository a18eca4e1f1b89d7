/**
 * Hydrates our Preact islands in production builds: @astrojs/preact's client entry without Preact Signals support.
 * astro.config.mjs aliases `@astrojs/preact/client.js` to this file. The stock entry is 0.8 kB gzipped, with code to
 * turn props into signals that no island here uses; this one is 0.5 kB, and the tool pages load it within a 15 kB JS
 * budget (tests/build/budgets.test.ts). A signals prop is reported as an error. `astro dev` still runs the stock entry
 * (its client-dev.js imports client.js by a relative path, which the alias does not match).
 */
import { type ComponentType, h, hydrate, render, type VNode } from 'preact';

/** Slot HTML rendered by the server, kept as is (as @astrojs/preact's static-html.js does). */
const StaticHtml = ({ value, name, hydrate: live = true }: { value?: string; name?: string; hydrate?: boolean }) =>
  value ? h(live ? 'astro-slot' : 'astro-static-slot', { name, dangerouslySetInnerHTML: { __html: value } }) : null;
StaticHtml.shouldComponentUpdate = () => false;

/** Preact's useId() seeds from the island's id, so ids match the server render (as in @astrojs/preact). */
function maskOf(el: HTMLElement): number | string | null {
  const id = Number.parseInt(el.getAttribute('data-preact-island-id') ?? '', 10);
  return Number.isNaN(id) ? el.getAttribute('uid') : id;
}

export default (el: HTMLElement) =>
  async (
    Component: ComponentType<Record<string, unknown>>,
    props: Record<string, unknown>,
    { default: children, ...slotted }: Record<string, string>,
    { client }: { client: string },
  ) => {
    if (!el.hasAttribute('ssr')) return;
    if (el.dataset.preactSignals)
      console.error('Preact Signals props are not supported (src/client/islands/preact-client.ts)');
    for (const [name, value] of Object.entries(slotted)) props[name] = h(StaticHtml, { value, name });
    const vnode = h(Component, props, children == null ? children : h(StaticHtml, { value: children })) as VNode & {
      _mask?: unknown;
      __m?: unknown;
    };
    const mask = maskOf(el);
    if (mask !== null) vnode._mask = vnode.__m = [mask, 0];
    if (client === 'only') {
      el.innerHTML = '';
      render(vnode, el);
    } else hydrate(vnode, el);
    el.addEventListener('astro:unmount', () => render(null, el), { once: true });
  };
