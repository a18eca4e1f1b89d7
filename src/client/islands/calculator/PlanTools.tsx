/**
 * The calculator's plan tools (issue #13): "Export a starter plan" and "Import a config". Only these buttons load
 * with the page; the plan code (src/lib/plan with the yaml package) is imported on demand when the reader opens one
 * (PlanPanel.tsx), so the page's own JavaScript stays within its budget.
 */
import { useEffect, useId, useState } from 'preact/hooks';
import { PLAN_ANCHOR } from '../../../lib/plan/anchor.ts';
import './plan.css';

type Panel = typeof import('./PlanPanel.tsx');
let panel: Promise<Panel> | undefined;
export type Tool = 'export' | 'import';

export interface PlanToolsProps {
  /** the view's canonical query (valid values only); null while an input is invalid (no plan then) */
  query: string | null;
  /** the current method: what an imported config's method-specific settings are read against */
  method: string;
  /** merges imported values (by URL name) over the calculator's controls */
  onImport: (raw: Record<string, string>) => void;
}

export function PlanTools(props: PlanToolsProps) {
  const uid = useId();
  const [open, setOpen] = useState<Tool | null>(null);
  const [mod, setMod] = useState<Panel | null | false>(null);
  const toggle = (tool: Tool) => {
    setOpen(open === tool ? null : tool);
    panel ??= import('./PlanPanel.tsx');
    // A failed load (offline) is retried on the next click.
    panel.then(setMod, () => {
      panel = undefined;
      setMod(false);
    });
  };
  // A link to #plan (the selector's "Plan this run") arrives with the plan open.
  useEffect(() => {
    if (location.hash === `#${PLAN_ANCHOR}`) toggle('export');
  }, []);
  return (
    <section id={PLAN_ANCHOR} class="vc-plan" aria-labelledby={`${uid}h`}>
      <h2 id={`${uid}h`} class="vc-h">
        Plan the run
      </h2>
      <div class="vc-plan-buttons">
        {(['export', 'import'] as const).map((tool) => (
          <button
            key={tool}
            type="button"
            aria-expanded={open === tool}
            aria-controls={`${uid}p`}
            onClick={() => toggle(tool)}
          >
            {tool === 'export' ? 'Export a starter plan' : 'Import a config'}
          </button>
        ))}
      </div>
      <div id={`${uid}p`} class="vc-plan-panel" hidden={!open}>
        {open &&
          (mod ? (
            <mod.PlanPanel tool={open} {...props} />
          ) : (
            <p role="status">{mod === false ? 'Could not load: try again.' : 'Loading…'}</p>
          ))}
      </div>
    </section>
  );
}
