// Components every card body can use without importing them.
import Figure from './Figure.astro';
import Vram from './Vram.astro';

export const mdxComponents = { Vram, Figure };
