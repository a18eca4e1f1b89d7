/** What the island loads on demand: the engine and the URL codec (the bulk of the selector's JavaScript). */
export { recommend } from './engine.ts';
export { inputFromParams, serializeSelectorParams } from './url.ts';
