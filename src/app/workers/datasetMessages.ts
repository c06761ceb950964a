import type { Dataset, EnvId } from '../../core/data/Dataset.ts';

/** Ask the dataset worker for a benchmark dataset. */
export interface DatasetRequest {
  id: number;
  env: EnvId;
  seed: number;
}

/** The dataset worker's answer. */
export type DatasetReply = { id: number; ok: true; dataset: Dataset } | { id: number; ok: false; message: string } | DatasetBytes;

/** Sent after the dataset: its encoded bytes (encodedDataset.ts), for broadcasting to the sim workers. */
export interface DatasetBytes {
  id: number;
  bytes: ArrayBuffer;
}
