/**
 * The calculator's trainer fieldset: its controls come from the parameter table through the shell's `controls`, with
 * a link to what each trainer keeps in memory. The per-model table of a post-training estimate is TrainerModels.tsx,
 * which loads with the memory model (calculator/engine.ts), since only an estimate from it can have a trainer.
 */
import type { ComponentChildren } from 'preact';

interface Props {
  legend: string;
  /** the /about/memory/ section that says what each trainer keeps in memory, with its sources */
  about: string;
  children: ComponentChildren;
}

export function TrainerFields({ legend, about, children }: Props) {
  return (
    <fieldset class="vc-group">
      <legend>{legend}</legend>
      {children}
      <p class="vc-note">
        <a href={about}>What each trainer keeps in memory</a>
      </p>
    </fieldset>
  );
}
