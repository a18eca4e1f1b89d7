/** Bounds of the counted answers: normalization and the URL codec clamp to them, and the island's GPU field too. */
export const MAX_GPUS = 1024;
export const MAX_COUNT = 1e13;
