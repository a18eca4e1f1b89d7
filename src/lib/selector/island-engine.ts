/**
 * What the island loads on demand (and renders with at build time): the engine, the URL codec and the starting
 * answers, the bulk of the selector's JavaScript.
 */
export { recommend } from './engine.ts';
export { normalizeInput, PRESETS } from './input.ts';
export { inputFromParams, serializeSelectorParams } from './url.ts';
