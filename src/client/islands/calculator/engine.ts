// What the calculator imports on the reader's first input: the memory model's view (src/lib/memory/view.ts) and the
// parts of the display that only an estimate from it can need (the page's build-time view has no trainer).
export * from '../../../lib/memory/view.ts';
export { TrainerModels } from './TrainerModels.tsx';
export { FitList } from './FitList.tsx';
export { ChartsSlot as Charts } from './ChartsSlot.tsx';
export { Notices } from './Notices.tsx';
export { embedOptionNotices } from '../../../lib/memory/embed-notices.ts';
// The plan tools (PlanPanel.tsx) read the state through here, so they share this chunk instead of splitting the
// memory model into a chunk of its own (a split costs the estimate's on-demand code about 0.3 kB).
export { decodeRaw } from '../../../lib/memory/url-state.ts';
// The charts (Charts.tsx) take these from here too, for the same reason.
export { BYTES_PER_UNIT } from '../../../lib/memory/format.ts';
/** The time and cost panel and its view (src/lib/cost/view.ts), imported right after this chunk: the cost lib's GPU
 *  table and published runs are no part of a memory estimate, so they load apart (a budget of their own). */
export const loadTime = () => import('./TimePanel.tsx');
/** The form's panels, each loaded when the reader opens it: "any model" (imported from here so the parameter table it
 *  shares with the view stays in this chunk) and "Measure your data" (the tokenizer library, in a chunk of its own). */
export const panels = {
  source: () => import('./ModelSource.tsx'),
  data: () => import('./DataPanel.tsx'),
};
