// The cards collection's loader: Astro's glob loader, except that a card whose body is Markdown plus <Vram> figures
// is rendered to HTML here, once, and cached in the content layer, instead of becoming an MDX module that the build
// compiles, bundles and imports (one per card: what makes large decks slow and memory-hungry). Cards that use more of
// MDX (imports, expressions, islands such as <MethodSelectorIsland>) stay MDX modules, rendered on demand as before.
// Both paths produce the same HTML (tests/build/card-render.test.ts compares them card by card).
import type { Loader, LoaderContext } from 'astro/loaders';
import { glob } from 'astro/loaders';
import { toStaticMarkdown } from '../lib/cards/static-body.ts';
import { countWords } from '../lib/cards/words.ts';
import { STATIC_COMPONENTS } from '../lib/cards/static-components.ts';

/** Bump when the way this loader renders a card changes (its output is cached in the content layer). */
const RENDER_VERSION = 'cards-loader-4';

export interface CardLoaderOptions {
  /** Folder of the cards, relative to the project root. */
  base: string;
  /** Render every card as an MDX module (the stock behaviour), e.g. to compare the two paths. */
  allMdx?: boolean;
}

export function cardLoader({ base, allMdx = false }: CardLoaderOptions): Loader {
  const inner = glob({ pattern: ['**/*.mdx', '!**/_*'], base, deferRender: true });
  return {
    name: 'fine-tuning-cards:cards',
    load: async (context: LoaderContext) => {
      if (allMdx) return inner.load(context);
      const { store, renderMarkdown, generateDigest, config, logger } = context;
      const pending: Promise<void>[] = [];
      let loaded = false;
      const set: typeof store.set = (entry) => {
        if (!entry.deferredRender || typeof entry.body !== 'string' || !entry.filePath) return store.set(entry);
        const body = entry.body;
        const filePath = entry.filePath;
        pending.push(
          (async () => {
            const r = toStaticMarkdown(body, STATIC_COMPONENTS);
            if (r.markdown === null) {
              if (!store.set(entry)) store.addModuleImport(filePath);
              return;
            }
            // The digest covers the Markdown after the <Vram> figures are filled in, so a change to the memory model
            // re-renders the cards whose figures it changes (the glob loader's digest covers only the file), and the
            // frontmatter, so an edit to it alone (a title, a quiz) replaces the cached entry's data.
            const digest = generateDigest(`${RENDER_VERSION}\n${JSON.stringify(entry.data)}\n${r.markdown}`);
            const cached = store.get(entry.id);
            if (cached?.digest === digest && cached.rendered) return;
            const rendered = await renderMarkdown(r.markdown, { fileURL: new URL(filePath, config.root) });
            // The body itself is not kept (the glob loader's retainBody: false, for these cards only): the deck needs
            // just its word count, and at 10,000 cards the bodies were 16 of the data store's 52 MB, which the build
            // loads whole.
            rendered.metadata = { ...rendered.metadata, words: countWords(body) };
            store.set({ ...entry, body: undefined, digest, deferredRender: false, rendered });
          })().catch((e: unknown) => {
            // A <Vram> with a bad prop (the content check reports it first, with its line): name the card and stop
            // the build; in `astro dev`, after a file changed, report it and keep serving.
            const error = new Error(`${filePath}: ${(e as Error).message}`);
            if (loaded) logger.error(error.message);
            else throw error;
          }),
        );
        return true;
      };
      // The glob loader skips a file whose digest matches the stored entry's. Ours may be stored under another digest
      // (rendered HTML), or be a stale MDX entry from before, so the glob loader sees no digest and hands every card to
      // `set`, which decides what is still current.
      const get = ((id: string) => {
        const e = store.get(id);
        return e && { ...e, digest: undefined };
      }) as typeof store.get;
      await inner.load({ ...context, store: { ...store, get, set } });
      const results = await Promise.allSettled(pending);
      loaded = true;
      const failed = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
      if (failed.length > 0) {
        for (const f of failed) logger.error(String((f.reason as Error).message));
        throw failed[0]?.reason;
      }
    },
  };
}
