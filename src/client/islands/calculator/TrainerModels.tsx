/**
 * The per-model table of a post-training estimate (policy, reference, reward and value models, generation KV cache, a
 * colocated vLLM engine). The figures come from src/lib/memory/post-training.ts through computeView; this file only
 * shows them. It loads with the memory model (engine.ts), not with the page: the build-time view is plain SFT.
 */
import type { CalculatorView } from '../../../lib/memory/view.ts';

const PARTS: [string, string][] = [
  ['policy', 'Policy (trained model)'],
  ['reference', 'Reference model'],
  ['reward', 'Reward model'],
  ['value', 'Value model'],
  ['kv-cache', 'Generation KV cache, sampling'],
  ['overhead', 'CUDA context, allocator'],
];

type Breakdown = NonNullable<NonNullable<CalculatorView['result']>['trainer']>;

export function TrainerModels({ t, fmt }: { t: Breakdown; fmt: (bytes: number) => string }) {
  const rows = PARTS.filter(([id]) => t.parts[id as keyof Breakdown['parts']] > 0);
  return (
    <table class="vc-table vc-models">
      <caption>
        By model: {t.sequences.toLocaleString('en-US')} sequences of {t.tokensPerSequence.toLocaleString('en-US')}{' '}
        tokens per step; the peak is in the{' '}
        {t.peakStage === 'train' ? 'training step' : 'rollout (generation, no gradients)'}
      </caption>
      <tbody>
        {rows.map(([id, label]) => (
          <tr key={id}>
            <th scope="row">{label}</th>
            <td>{fmt(t.parts[id as keyof Breakdown['parts']])}</td>
          </tr>
        ))}
        {t.gpuShare > 0 && (
          <tr>
            <th scope="row">Colocated vLLM ({Math.round(t.gpuShare * 100)}% of the GPU)</th>
            <td>{t.vllmBytes === null ? 'choose a GPU' : fmt(t.vllmBytes)}</td>
          </tr>
        )}
      </tbody>
    </table>
  );
}
