// The Hub id the "any model" panel last loaded, so "Measure your data" offers that model's tokenizer for model=custom
// (the URL keeps the architecture, not where it came from). Module state: both panels are loaded on demand.
let last = '';
export const lastHubId = (): string => last;
export const setLastHubId = (id: string): void => {
  last = id;
};
