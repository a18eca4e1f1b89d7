import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

// `npm run check` part 2 prints API checks older than the policy allows as warnings and still passes.
const run = (siteDate: string) =>
  spawnSync(process.execPath, ['scripts/check-content.ts'], {
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, SITE_DATE: siteDate },
  });

describe('scripts/check-content.ts', () => {
  it('warns, naming file and field, when a verified entry is over 12 months old, and exits 0', () => {
    const r = run('2028-01-15');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toContain(
      'warning: content/cards/grpo-rlvr.mdx: verified[0].date: TRL 1.9.0 was checked on 2026-12-01, more than 12 months before 2028-01-15: check the API against the current release and update this entry',
    );
    expect(r.stdout).toMatch(/^\d+ cards checked: no problems, \d+ warning\(s\)\.$/m);
  });

  it('prints no warning on the day of the checks', () => {
    const r = run('2026-12-01');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).not.toContain('warning:');
    expect(r.stdout).toMatch(/^\d+ cards checked: no problems\.$/m);
  });
});
