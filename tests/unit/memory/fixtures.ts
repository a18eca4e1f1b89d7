// Custom architectures used by the tests live with the published figures in the library.
export { GPT3_175B, LLAMA_65B } from '../../../src/lib/memory/published.ts';
