// A stand-in for Astro's `astro:content` in unit tests (Starlight's mockedAstroContent pattern): the unit project
// aliases `astro:content` here, and a test sets the collections it wants the adapters in src/astro/ to see.
type Entry = {
  id: string;
  data: Record<string, unknown>;
  body?: string;
  rendered?: { metadata?: Record<string, unknown> };
};

// On globalThis, so tests that reset modules (to get fresh per-build caches) still share one store.
type MockState = { store: Map<string, Entry[]>; reads: number };
const g = globalThis as { __astroContentMock?: MockState };
g.__astroContentMock ??= { store: new Map(), reads: 0 };
const state = g.__astroContentMock;
const store = state.store;

/** Sets what getCollection returns for each collection (and clears the read counter). */
export function mockCollections(collections: Record<string, Entry[]>): void {
  store.clear();
  for (const [name, entries] of Object.entries(collections)) store.set(name, entries);
  state.reads = 0;
}

/** How many times getCollection ran since the last mockCollections. */
export const collectionReads = (): number => state.reads;

export async function getCollection(name: string): Promise<Entry[]> {
  state.reads++;
  const entries = store.get(name);
  if (!entries) throw new Error(`astro:content mock: no collection "${name}" was set`);
  return entries;
}

export const reference = (collection: string) => ({ collection });
export const defineCollection = <T>(c: T): T => c;
