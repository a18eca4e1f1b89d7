// Peak dense bf16 tensor throughput and an on-demand price per GPU preset (the ids of src/lib/memory/presets.ts).
// Peaks are the vendor's figures as printed: data-centre sheets print the sparse figure with a footnote, so the dense
// one is half of it; GeForce whitepapers print dense/sparse pairs. Prices come from ONE public list, read on one
// date, so they can be compared with each other; the reader can type their own.

/** A figure as its source states it. */
export interface SourcedFigure {
  title: string;
  url: string;
  /** the words and number of the source */
  says: string;
}

export interface GpuCompute {
  /** peak dense bf16 (fp16 for GPUs without bf16) tensor-core FLOP/s, fp32 accumulate */
  peakFlops: number;
  /** the source's figure; `sparse` when the source states the 2:4-sparsity figure (halved here) */
  peak: SourcedFigure & { stated: number; sparse: boolean; dtype: 'bf16' | 'fp16' };
  /** US dollars per GPU-hour, on demand, from PRICE_LIST; null when the list has no such GPU */
  usdPerHour: number | null;
  /** the price as the list states it (per second), or why there is none */
  price: string;
}

/** The price list the defaults come from, and when it was read. */
export const PRICE_LIST = {
  title: 'Runpod Serverless pricing, flex workers (pay per second, no commitment)',
  /** the list in two words, where the title is too long (the calculator's field hints) */
  short: 'Runpod Serverless',
  url: 'https://docs.runpod.io/serverless/pricing',
  read: '2026-12-02',
} as const;

const DC_NOTE = 'with sparsity (footnote); dense is half';
const ADA: SourcedFigure = {
  title: 'NVIDIA Ada GPU architecture whitepaper, Table 2 (GeForce RTX 4090)',
  url: 'https://images.nvidia.com/aem-dam/Solutions/geforce/ada/nvidia-ada-gpu-architecture.pdf',
  says: 'Peak BF16 Tensor TFLOPS with FP32 Accumulate: 165.2/330.4 (dense/sparse)',
};
const GA102: (card: string, pair: string) => SourcedFigure = (card, pair) => ({
  title: `NVIDIA Ampere GA102 GPU architecture whitepaper, Table 1 (${card})`,
  url: 'https://www.nvidia.com/content/PDF/nvidia-ampere-ga-102-gpu-architecture-whitepaper-v2.pdf',
  says: `Peak BF16 Tensor TFLOPS with FP32 Accumulate: ${pair} (dense/sparse)`,
});
const A100: SourcedFigure = {
  title: 'NVIDIA A100 Tensor Core GPU datasheet',
  url: 'https://www.nvidia.com/content/dam/en-zz/Solutions/Data-Center/a100/pdf/nvidia-a100-datasheet-us-nvidia-1758950-r4-web.pdf',
  says: 'BF16 Tensor Core 312 TFLOPS | 624 TFLOPS* (*with sparsity)',
};
const perSecond = (usd: number, name: string) => `${name}: $${usd} per second`;
const hourly = (usdPerSecond: number) => Math.round(usdPerSecond * 3600 * 1e4) / 1e4;
const NOT_LISTED = 'not on the price list: type your own price';

export const GPU_COMPUTE: Readonly<Record<string, GpuCompute>> = {
  t4: {
    peakFlops: 65e12,
    peak: {
      title: 'NVIDIA T4 Tensor Core GPU datasheet',
      url: 'https://www.nvidia.com/content/dam/en-zz/Solutions/Data-Center/tesla-t4/t4-tensor-core-datasheet-951643.pdf',
      says: 'Mixed Precision (FP16/FP32) 65 TFLOPS (Turing has no bf16)',
      stated: 65,
      sparse: false,
      dtype: 'fp16',
    },
    usdPerHour: null,
    price: NOT_LISTED,
  },
  l4: {
    peakFlops: 121e12,
    peak: {
      title: 'NVIDIA L4 Tensor Core GPU datasheet',
      url: 'https://www.nvidia.com/en-us/data-center/l4/',
      says: `BF16 Tensor Core 242 teraFLOPS, ${DC_NOTE}`,
      stated: 242,
      sparse: true,
      dtype: 'bf16',
    },
    usdPerHour: hourly(0.00019),
    price: perSecond(0.00019, 'L4, A5000, 3090'),
  },
  'rtx-3090': {
    peakFlops: 71e12,
    peak: { ...GA102('GeForce RTX 3090', '71/142'), stated: 71, sparse: false, dtype: 'bf16' },
    usdPerHour: hourly(0.00019),
    price: perSecond(0.00019, 'L4, A5000, 3090'),
  },
  'rtx-4090': {
    peakFlops: 165.2e12,
    peak: { ...ADA, stated: 165.2, sparse: false, dtype: 'bf16' },
    usdPerHour: hourly(0.00031),
    price: perSecond(0.00031, '4090 PRO'),
  },
  a10g: {
    // AWS publishes no tensor throughput for the A10G (an A10 variant); the A10's sheet does not describe it.
    peakFlops: 0,
    peak: {
      title: 'no published figure',
      url: 'https://aws.amazon.com/ec2/instance-types/g5/',
      says: 'AWS lists the A10G’s memory, not its tensor throughput',
      stated: 0,
      sparse: false,
      dtype: 'bf16',
    },
    usdPerHour: null,
    price: NOT_LISTED,
  },
  a6000: {
    peakFlops: 154.8e12,
    peak: { ...GA102('RTX A6000', '154.8/309.7'), stated: 154.8, sparse: false, dtype: 'bf16' },
    usdPerHour: hourly(0.00034),
    price: perSecond(0.00034, 'A6000, A40'),
  },
  'a100-40gb': {
    peakFlops: 312e12,
    peak: { ...A100, stated: 312, sparse: false, dtype: 'bf16' },
    usdPerHour: null,
    price: NOT_LISTED,
  },
  'a100-80gb': {
    peakFlops: 312e12,
    peak: { ...A100, stated: 312, sparse: false, dtype: 'bf16' },
    usdPerHour: hourly(0.00076),
    price: perSecond(0.00076, 'A100 (80 GB)'),
  },
  'h100-80gb': {
    // The SXM part; an H100 PCIe has a lower peak (the preset's memory does not tell them apart).
    peakFlops: 989.5e12,
    peak: {
      title: 'NVIDIA H100 Tensor Core GPU datasheet (H100 SXM)',
      url: 'https://www.nvidia.com/en-us/data-center/h100/',
      says: `BF16 Tensor Core 1,979 teraFLOPS, ${DC_NOTE}`,
      stated: 1979,
      sparse: true,
      dtype: 'bf16',
    },
    usdPerHour: hourly(0.00116),
    price: perSecond(0.00116, 'H100 PRO'),
  },
  h200: {
    peakFlops: 989.5e12,
    peak: {
      title: 'NVIDIA H200 Tensor Core GPU datasheet (H200 SXM)',
      url: 'https://www.nvidia.com/en-us/data-center/h200/',
      says: `BF16 Tensor Core 1,979 TFLOPS, ${DC_NOTE}`,
      stated: 1979,
      sparse: true,
      dtype: 'bf16',
    },
    usdPerHour: hourly(0.00155),
    price: perSecond(0.00155, 'H200 PRO'),
  },
  b200: {
    peakFlops: 2250e12,
    peak: {
      title: 'NVIDIA HGX B200 datasheet (8 GPUs)',
      url: 'https://www.nvidia.com/en-us/data-center/hgx/',
      says: `FP16/BF16 Tensor Core 36 PFLOPS for 8 GPUs, ${DC_NOTE}; 36,000 ÷ 8 = 4,500 TFLOPS per GPU`,
      stated: 4500,
      sparse: true,
      dtype: 'bf16',
    },
    usdPerHour: hourly(0.0024),
    price: perSecond(0.0024, 'B200'),
  },
};

export function gpuCompute(id: string): GpuCompute | undefined {
  return GPU_COMPUTE[id];
}
