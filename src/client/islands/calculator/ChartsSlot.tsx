/**
 * Where the charts go: this slot loads with the memory model (engine.ts) and imports the charts' own chunk
 * (Charts.tsx, with its budget in tests/build/budgets.test.ts) at once, so the estimate's chunk carries only this.
 * A failed load (offline) leaves the tables, and is tried again when the slot next mounts.
 */
import { useEffect, useState } from 'preact/hooks';
import type { ChartsProps } from './Charts.tsx';

type Mod = typeof import('./Charts.tsx');
let loaded: Mod | undefined;

export function ChartsSlot(props: ChartsProps) {
  const [mod, setMod] = useState(loaded);
  useEffect(() => {
    if (!mod)
      import('./Charts.tsx').then((m) => {
        loaded = m;
        setMod(m);
      });
  }, []);
  return mod ? <mod.Charts {...props} /> : null;
}
