// Spawning the build (scripts/build.ts: `astro build` and the search index) from a test. Vitest puts its own values in process.env (NODE_ENV=test, BASE_URL=/, MODE,
// DEV, PROD, SSR, VITEST_*), and Astro lets process.env override import.meta.env in the pages it renders: a build
// spawned with them ignores BASE_PATH in every href. Builds get the environment a shell would give them.
import { type SpawnSyncReturns, spawnSync } from 'node:child_process';

const VITEST_KEYS = /^(NODE_ENV|BASE_URL|MODE|DEV|PROD|SSR|TEST|VITEST|VITEST_.*)$/;

export function buildEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !VITEST_KEYS.test(k)));
  return { ...env, ...extra };
}

export function astroBuild(outDir: string, env: Record<string, string>): SpawnSyncReturns<string> {
  // What `npm run build` runs: astro build, then the search index.
  return spawnSync(process.execPath, ['scripts/build.ts', '--outDir', outDir], {
    env: buildEnv(env),
    encoding: 'utf8',
  });
}
