// Export and import of the learner state as a JSON file: what /review/ offers under "Your data". Kept apart from
// state.ts so the card pages' lazy chunk never carries it.
import { type LearnerState, learnerStateSchema } from '../../schemas/learner.ts';
import { EXPORT_FORMAT, exportFileSchema, type Visit, visitSchema } from '../../schemas/learner-export.ts';
import { isObject, migrate, parsed } from './state.ts';

/** Reads the stored last-visit value; anything unreadable is simply no visit. */
export function loadVisit(raw: string | null): Visit | undefined {
  if (raw === null) return undefined;
  try {
    return parsed(visitSchema)(JSON.parse(raw));
  } catch {
    return undefined;
  }
}

/** The progress file: the state as stored, the last visit, and what it is. */
export function exportText(state: LearnerState, visit: Visit | undefined, now: Date): string {
  return `${JSON.stringify({ format: EXPORT_FORMAT, exportedAt: now.toISOString(), state, ...(visit ? { visit } : {}) }, null, 2)}\n`;
}

export type Imported = { ok: true; state: LearnerState; visit?: Visit } | { ok: false; error: string };

interface Issue {
  path: PropertyKey[];
  message: string;
  code?: string;
  keys?: string[];
  expected?: string;
}

/** "state.cards.lora.understood: must be …", at most three of them. */
export function describeIssues(issues: readonly Issue[], prefix = ''): string {
  return issues
    .slice(0, 3)
    .map((i) => {
      const path = [prefix, ...i.path.map(String)].filter(Boolean).join('.');
      // The schema words its own messages; these two codes come from zod/mini, which ships without English ones.
      const message =
        i.code === 'unrecognized_keys'
          ? `unknown field ${(i.keys ?? []).map((k) => `"${k}"`).join(', ')}`
          : i.code === 'invalid_type' && i.message === 'Invalid input'
            ? `must be ${i.expected === 'array' ? 'a list' : `a ${i.expected}`}`
            : i.message;
      return path ? `${path}: ${message}` : message;
    })
    .join('; ');
}

/** Reads a progress file. All or nothing: one bad field rejects the file, with a message naming it. */
export function importText(text: string): Imported {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, error: 'This file is not JSON, so it is not a progress file from this site.' };
  }
  if (!isObject(data) || data.format !== EXPORT_FORMAT) {
    return {
      ok: false,
      error: `This JSON file is not a progress file from this site (it has no "format": "${EXPORT_FORMAT}").`,
    };
  }
  const file = exportFileSchema.safeParse(data);
  if (!file.success)
    return { ok: false, error: `This progress file is damaged: ${describeIssues(file.error.issues)}.` };
  const current = migrate(file.data.state);
  if (current === 'newer')
    return { ok: false, error: 'This progress file was written by a newer version of this site.' };
  if (current === undefined)
    return { ok: false, error: 'This progress file is damaged: state: not a learner state of any known version.' };
  const state = learnerStateSchema.safeParse(current);
  if (!state.success)
    return { ok: false, error: `This progress file is damaged: ${describeIssues(state.error.issues, 'state')}.` };
  return { ok: true, state: state.data, ...(file.data.visit ? { visit: file.data.visit } : {}) };
}
