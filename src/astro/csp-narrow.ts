import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { narrowCspMeta } from '../lib/site/csp.ts';

/** After the build, narrows each page's CSP <meta> to the hashes of its own inline scripts and styles. */
export function cspNarrow(): AstroIntegration {
  return {
    name: 'fine-tuning-cards:csp-narrow',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
        const files = (await readdir(root, { recursive: true, encoding: 'utf8' })).filter((f) => f.endsWith('.html'));
        let changed = 0;
        for (const f of files) {
          const html = await readFile(join(root, f), 'utf8');
          const narrowed = narrowCspMeta(html, sha256);
          if (narrowed !== html) {
            await writeFile(join(root, f), narrowed);
            changed++;
          }
        }
        logger.info(`narrowed the CSP of ${changed} of ${files.length} pages to their own inline hashes`);
      },
    },
  };
}
