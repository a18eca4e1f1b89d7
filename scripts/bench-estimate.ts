// `npm run bench -- --estimate`: the memory model's speed (issue #12: one estimate < 0.2 ms, a 64-point sweep
// < 10 ms). For each input: the median of many single estimates after a warm-up, and the median of 64-point sweeps of
// the sequence length (256 to 16,384 tokens), and of the calculator charts' two sweeps (src/lib/memory/sweep.ts).
// Prints a Markdown table with the machine, date and load; results are written into BENCHMARKS.md by hand (the figures
// depend on the machine's load).
import { cpus, loadavg } from 'node:os';
import { estimateMemory, type TrainingInput } from '../src/lib/memory/index.ts';
import { sweepMemory } from '../src/lib/memory/sweep.ts';

const CASES: [string, TrainingInput][] = [
  ['Llama-3.1 8B, LoRA, defaults', { model: 'llama-3.1-8b', method: 'lora' }],
  ['Qwen3-30B-A3B, QLoRA all-linear', { model: 'qwen3-30b-a3b', method: 'qlora', targets: 'all-linear' }],
  [
    'Mixtral 8x7B, LoRA all-linear, dropout 5%',
    { model: 'mixtral-8x7b', method: 'lora', targets: 'all-linear', loraDropout: 5 },
  ],
];
const SEQS = Array.from({ length: 64 }, (_, i) => 256 * (i + 1));

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
};

function one(input: TrainingInput): void {
  const r = estimateMemory(input);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
}

export function benchEstimate(): void {
  const load = loadavg()
    .map((x) => x.toFixed(1))
    .join(' ');
  const rows: string[] = [];
  for (const [name, input] of CASES) {
    for (let i = 0; i < 2000; i++) one(input);
    const singles: number[] = [];
    for (let i = 0; i < 20_000; i++) {
      const t = performance.now();
      one(input);
      singles.push(performance.now() - t);
    }
    const sweeps: number[] = [];
    for (let j = 0; j < 50; j++) {
      const t = performance.now();
      for (const seq of SEQS) one({ ...input, seq });
      sweeps.push(performance.now() - t);
    }
    // The calculator's charts (src/lib/memory/sweep.ts): both series on an H100, as the island computes them per input.
    const charts: number[] = [];
    let points = 0;
    for (let j = 0; j < 50; j++) {
      const t = performance.now();
      const seq = sweepMemory(input, 'seq', 'h100-80gb');
      const batch = sweepMemory(input, 'batch', 'h100-80gb', 65);
      charts.push(performance.now() - t);
      points = (seq?.points.length ?? 0) + (batch?.points.length ?? 0);
    }
    rows.push(
      `| ${name} | ${(median(singles) * 1000).toFixed(0)} µs | ${median(sweeps).toFixed(2)} ms | ${median(charts).toFixed(2)} ms (${points} points) |`,
    );
  }
  console.log(
    [
      `Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, load average ${load} (1, 5, 15 min), ${new Date().toISOString()}`,
      '',
      '| input | one estimate (median of 20,000) | 64-point sequence sweep (median of 50) | the charts: both sweeps (median of 50) |',
      '|---|---|---|---|',
      ...rows,
    ].join('\n'),
  );
}
