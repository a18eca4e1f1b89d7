import { expect, type Page, test } from '@playwright/test';
import { routes } from '../../src/lib/site/routes.ts';
import { expectNoAxeViolations } from '../support/axe.ts';

// One page of each type, at a phone, a large phone and a desktop width, in light and dark: no sideways scroll, axe
// clean, and the header and breadcrumbs readable at 320 px.
const PAGES: Record<string, string> = {
  home: routes.home(),
  cards: routes.cards(),
  card: routes.card('qlora'),
  'card with an island': routes.card('fine-tuning-strategy'),
  topics: routes.topics(),
  topic: routes.topic('peft'),
  level: routes.level('beginner'),
  tags: routes.tags(),
  tag: routes.tag('lora'),
  'learning paths': routes.seriesIndex(),
  'learning path': routes.series('fine-tuning-basics'),
  daily: routes.daily(),
  search: routes.search(),
  selector: routes.selector(),
  calculator: routes.calculator(),
  about: routes.about(),
  'about memory': routes.aboutMemory(),
  'not found': '404.html',
  embed: routes.embedCalculator(),
  // Embeds are light unless the host page asks (data-theme): the dark and auto themes get their own runs.
  'embed, dark theme': `${routes.embedCalculator()}?theme=dark`,
  'embed, full layout, system theme': `${routes.embedCalculatorFull()}?theme=auto`,
};
const WIDTHS = [320, 390, 1280];
const SCHEMES = ['light', 'dark'] as const;

/** The page's own content is as wide as the window: nothing makes the page scroll sideways. */
async function sideways(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const doc = document.documentElement;
    if (doc.scrollWidth <= doc.clientWidth) return [];
    // Name the culprits: elements past the right edge that no scrolling box of their own contains.
    const out: string[] = [`scrollWidth ${doc.scrollWidth} > ${doc.clientWidth}`];
    for (const el of document.querySelectorAll('body *')) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.right <= doc.clientWidth + 0.5) continue;
      let clipped = false;
      for (let a = el.parentElement; a && a !== document.body; a = a.parentElement)
        if (getComputedStyle(a).overflowX !== 'visible') clipped = true;
      if (!clipped) out.push(`${el.tagName.toLowerCase()}.${el.className} ends at ${Math.round(r.right)}`);
    }
    return out.slice(0, 6);
  });
}

async function dayPage(page: Page): Promise<string> {
  await page.goto(routes.daily());
  const link = page.locator('main a[href*="/daily/20"]').first();
  return ((await link.getAttribute('href')) ?? '').replace(/^\//, '');
}

test.describe('every page type at 320 px', () => {
  test.use({ viewport: { width: 320, height: 700 } });

  test('no page scrolls sideways', async ({ page }) => {
    const problems: string[] = [];
    for (const [name, path] of [...Object.entries(PAGES), ['day', await dayPage(page)] as const]) {
      await page.goto(path);
      for (const p of await sideways(page)) problems.push(`${name} (/${path}): ${p}`);
    }
    expect(problems).toEqual([]);
  });

  test('the main navigation shows every item inside the window (it wraps instead of hiding them)', async ({ page }) => {
    await page.goto(routes.card('qlora'));
    const links = page.getByRole('navigation', { name: 'Main' }).getByRole('link');
    expect(await links.count()).toBeGreaterThanOrEqual(5);
    for (const link of await links.all()) {
      await expect(link).toBeInViewport({ ratio: 1 });
    }
  });

  test('breadcrumbs are links, and a wrapped line never starts with a separator', async ({ page }) => {
    for (const path of [routes.card('qlora'), routes.topic('peft'), routes.tag('lora'), await dayPage(page)]) {
      await page.goto(path);
      const crumbs = page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('listitem');
      expect(await crumbs.count(), path).toBeGreaterThan(0);
      for (const li of await crumbs.all()) await expect(li.getByRole('link'), path).toHaveCount(1);
      // The separator belongs to the crumb before it (::after), never to the start of the next one (::before).
      const lineStarts = await crumbs.evaluateAll((items) =>
        items.map((li) => getComputedStyle(li, '::before').content).filter((c) => c !== 'none' && c !== 'normal'),
      );
      expect(lineStarts, path).toEqual([]);
    }
    await page.goto(routes.topic('peft'));
    await expect(page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link').last()).toHaveAttribute(
      'aria-current',
      'page',
    );
  });
});

// One test per page and colour scheme: axe over the long pages (/about/memory/ with its tables) takes most of a
// minute per scheme on a busy 2-CPU machine, and both schemes in one test ran past its timeout.
for (const [name, path] of Object.entries(PAGES)) {
  for (const scheme of SCHEMES) {
    test(`${name} (/${path}): axe clean and no sideways scroll at ${WIDTHS.join(', ')} px, ${scheme}`, async ({
      page,
    }) => {
      test.setTimeout(90_000);
      // Loaded once: widths and colour schemes are media queries, so the page re-lays itself out without a reload.
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(path);
      for (const width of WIDTHS) {
        await page.setViewportSize({ width, height: 800 });
        expect(await sideways(page), `${width} px ${scheme}`).toEqual([]);
        await expectNoAxeViolations(page);
      }
    });
  }
}
