import { defineConfig } from 'vitest/config';

// unit: pure TypeScript (src/lib, src/schemas, scripts) and the adapters in src/astro/ on a mocked astro:content.
// build: assertions on the production build in dist/ (scripts/test-all.ts builds first; run `npm run build` by hand).
export default defineConfig({
  test: {
    projects: [
      {
        // The adapters in src/astro/ import astro:content; unit tests get a settable stand-in.
        resolve: { alias: { 'astro:content': new URL('./tests/support/astro-content.ts', import.meta.url).pathname } },
        // Some unit tests spawn the Node CLIs (a second or two each on a quiet machine); on two shared, busy cores that
        // can pass Vitest's 5 s default, so the limit catches hangs, not slowness (speed lives in `npm run bench`).
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node', testTimeout: 30_000 },
      },
      // Files run one at a time: base-path and content-errors spawn `astro build`, and builds share node_modules/.astro.
      {
        test: {
          name: 'build',
          include: ['tests/build/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
