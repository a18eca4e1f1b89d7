import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_ARGS, resolveChromium } from './tests/support/chromium.ts';

const PORT = Number(process.env.E2E_PORT ?? 4321);
const executablePath = await resolveChromium();

// e2e runs against the production build (`npm run build` first; `npm test` does it).
export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  timeout: 30_000,
  // Two shared cores: Pagefind's WASM and index load can take longer than the 5 s default under load.
  expect: { timeout: 10_000 },
  outputDir: '.tmp/test-results',
  reporter: process.env.CI ? 'list' : [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: 'off',
    launchOptions: { executablePath, args: CHROMIUM_ARGS },
  },
  projects: [
    { name: 'chromium', use: { ...devices['Desktop Chrome'], launchOptions: { executablePath, args: CHROMIUM_ARGS } } },
  ],
  webServer: {
    // DIST_DIR serves another build (e.g. a fixture build in .tmp/); the build tests read the same variable.
    command: `npx astro preview --host 127.0.0.1 --port ${PORT}${process.env.DIST_DIR ? ` --outDir ${process.env.DIST_DIR}` : ''}`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
