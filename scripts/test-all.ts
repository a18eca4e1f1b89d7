// `npm test`: type check and lint, build once, then unit, build and e2e tests. Runs every stage even after a failure so one run
// reports everything, writes the totals to .tmp/test-summary.json (read by .ci/run) and exits 1 on any failure.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';

interface Stage {
  name: string;
  passed: number;
  failed: number;
  skipped: number;
}

const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const run = (args: string[], env: NodeJS.ProcessEnv = {}) =>
  spawnSync(npx, args, { stdio: 'inherit', env: { ...process.env, ...env } }).status ?? 1;

mkdirSync('.tmp', { recursive: true });
const stages: Stage[] = [];

// Type and lint errors fail the run like a failing test; every stage still runs so one run reports everything.
const gate = (name: string, args: string[]) => {
  const ok = run(args) === 0;
  stages.push({ name, passed: ok ? 1 : 0, failed: ok ? 0 : 1, skipped: 0 });
};
gate('types', ['astro', 'check']);
gate('lint', ['biome', 'lint', '.']);

const buildStatus = run(['node', 'scripts/build.ts']);
stages.push({ name: 'build', passed: buildStatus === 0 ? 1 : 0, failed: buildStatus === 0 ? 0 : 1, skipped: 0 });

function vitest(project: string) {
  const out = `.tmp/vitest-${project}.json`;
  run(['vitest', 'run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile.json=${out}`]);
  if (!existsSync(out)) return stages.push({ name: project, passed: 0, failed: 1, skipped: 0 });
  const r = JSON.parse(readFileSync(out, 'utf8'));
  const failedSuites = (r.testResults ?? []).filter(
    (s: { status: string; assertionResults: unknown[] }) => s.status === 'failed' && s.assertionResults.length === 0,
  ).length;
  stages.push({
    name: project,
    passed: r.numPassedTests,
    failed: r.numFailedTests + failedSuites,
    skipped: r.numPendingTests + r.numTodoTests,
  });
}
vitest('unit');
if (buildStatus === 0) vitest('build');

if (buildStatus === 0) {
  const out = '.tmp/playwright.json';
  run(['playwright', 'test', '--reporter=list,json'], { PLAYWRIGHT_JSON_OUTPUT_NAME: out });
  if (existsSync(out)) {
    const s = JSON.parse(readFileSync(out, 'utf8')).stats ?? {};
    const errors = (JSON.parse(readFileSync(out, 'utf8')).errors ?? []).length;
    stages.push({
      name: 'e2e',
      passed: s.expected ?? 0,
      failed: (s.unexpected ?? 0) + (s.flaky ?? 0) + errors,
      skipped: s.skipped ?? 0,
    });
  } else stages.push({ name: 'e2e', passed: 0, failed: 1, skipped: 0 });
}

const total = stages.reduce(
  (a, s) => ({ passed: a.passed + s.passed, failed: a.failed + s.failed, skipped: a.skipped + s.skipped }),
  { passed: 0, failed: 0, skipped: 0 },
);
writeFileSync('.tmp/test-summary.json', `${JSON.stringify({ stages, ...total }, null, 2)}\n`);
console.log('\n' + stages.map((s) => `${s.name}: ${s.passed} passed, ${s.failed} failed`).join('\n'));
console.log(`total: ${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exit(total.failed > 0 ? 1 : 0);
