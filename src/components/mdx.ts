// Components every card body can use without importing them.
import Vram from './Vram.astro';

export const mdxComponents = { Vram };
