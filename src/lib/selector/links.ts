/** The selector's links: to cards and to the VRAM calculator, under the site base. */
import { routes } from '../site/routes.ts';
import { withBase } from '../site/url.ts';

/** Link to a card under the site base. */
export function cardHref(slug: string, base: string): string {
  return withBase(base, routes.card(slug));
}

/** The calculator with this URL state, under the site base. */
export function calculatorHref(state: Record<string, string>, base: string): string {
  return `${withBase(base, routes.calculator())}?${new URLSearchParams(state)}`;
}
