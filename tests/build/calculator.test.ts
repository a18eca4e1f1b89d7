import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { decodeHtml as decodeEntities } from '../../src/lib/html/entities.ts';
import { EMBED_ALIASES, EMBED_ATTRIBUTES } from '../../src/lib/memory/embed.ts';
import { EMBED_OPTIONS } from '../../src/lib/memory/embed-options.ts';
import { MODEL_PRESETS, PARAMS } from '../../src/lib/memory/index.ts';
import { routes } from '../../src/lib/site/routes.ts';
import { distHas, readDist } from '../support/dist.ts';

// What the build makes of the parameter table: /embed.js, the calculator's form and the table on /about/memory/.
const text = (html: string) => decodeEntities(html.replace(/<[^>]+>/g, ' ')).replace(/\s+/g, ' ');

describe('/embed.js', () => {
  it('is built from the parameter table, not kept in public/', () => {
    expect(distHas(routes.embedScript())).toBe(true);
    const tracked = execFileSync('git', ['ls-files', 'public'], { encoding: 'utf8' }).split('\n');
    expect(tracked).not.toContain('public/embed.js');
  });

  it('accepts exactly the table’s URL names and aliases as data-* attributes', () => {
    const js = readDist(routes.embedScript());
    const call = /\}\)\(([\s\S]*)\);\s*$/.exec(js);
    expect(call, 'the loader is called with the accepted names').not.toBeNull();
    const [names, aliases, pages, options] = JSON.parse(`[${call?.[1] ?? ''}]`);
    expect(names).toEqual(EMBED_ATTRIBUTES);
    expect(aliases).toEqual(EMBED_ALIASES);
    // Each layout's page is built, and the options are the embed's own (embed-options.ts).
    for (const page of Object.values(pages as Record<string, { path: string }>))
      expect(distHas(`${page.path}index.html`), page.path).toBe(true);
    expect(options).toEqual(Object.values(EMBED_OPTIONS).map((o) => o.name));
    expect(js).toMatch(/^\/\*! Fine-Tuning Cards VRAM calculator loader\./);
  });
});

describe('/about/memory/', () => {
  const page = distHas(`${routes.aboutMemory()}index.html`) ? readDist(`${routes.aboutMemory()}index.html`) : '';
  const table = /<table class="params[^"]*"[\s\S]*?<\/table>/.exec(page)?.[0] ?? '';

  it('lists every parameter with its label, link name, flag and default', () => {
    expect(table).not.toBe('');
    const rows = [...table.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((m) => text(m[1] as string));
    for (const p of PARAMS) {
      const row = rows.find((r) => r.trim().startsWith(`${p.label} ${p.help.slice(0, 12)}`));
      expect(row, p.id).toBeDefined();
      expect(row).toContain(`${p.url}=`);
      if (p.cli) expect(row).toContain(`--${p.cli.flag}`);
    }
    expect([...table.matchAll(/<th scope="row"/g)]).toHaveLength(PARAMS.length);
  });

  it('has the command line and what the build checks, and no glued words', () => {
    const t = text(page);
    expect(t).toContain('$ npm run --silent vram -- --model llama-3.1-8b --method qlora --gpu rtx-4090');
    expect(t).toMatch(/per GPU +\d+\.\d\d +\d+\.\d\d/);
    expect(t).toContain('Checked on every build');
    expect(t).toContain(`parameter count of each of the ${MODEL_PRESETS.length} presets equals its published total`);
    expect(t).toContain(`published totals of all ${MODEL_PRESETS.length} presets`);
  });

  it('names the utilisation defaults by the form’s method labels and the GPUs without a peak', () => {
    const t = /aria-label="Utilisation defaults"[\s\S]*?<\/table>/.exec(page)?.[0] ?? '';
    const rows = [...t.matchAll(/<th scope="row"[^>]*>([^<]*)<\/th>/g)].map((m) => m[1]);
    expect(rows).toEqual(['Full', 'LoRA (and DoRA)', 'QLoRA']);
    expect(text(page)).toContain('The NVIDIA A10G has no published tensor throughput, so it gets no time estimate;');
  });

  it('the calculator page points to it instead of carrying its own command line', () => {
    const calc = readDist(`${routes.calculator()}index.html`);
    expect(calc).not.toContain('npm run');
    expect(calc).toContain(`${routes.aboutMemory()}#command-line`);
  });
});
