// The calculator form's groups and the estimate's component labels: one list each (fields.ts), handed to the island
// as props; these fail when the parameter table or the model's components drift from them.
import { describe, expect, it } from 'vitest';
import { COMPONENT_IDS, COMPONENT_LABELS, FORM_GROUPS, PARAMS } from '../../../src/lib/memory/index.ts';

describe('form groups and component labels', () => {
  it('every group of the parameter table has a fieldset, but the custom architecture (inside Model) and the display', () => {
    const groups = new Set(PARAMS.map((p) => p.group));
    expect(FORM_GROUPS.map(([g]) => g).sort()).toEqual(
      [...groups].filter((g) => g !== 'architecture' && g !== 'display').sort(),
    );
    expect(FORM_GROUPS.find(([g]) => g === 'cost')).toEqual(['cost', 'Time and cost']);
  });

  it('labels every component of the estimate, in the model’s order', () => {
    expect(COMPONENT_LABELS.map(([id]) => id)).toEqual([...COMPONENT_IDS]);
  });
});
