import { describe, expect, it } from 'vitest';
import type { Dataset } from '../../src/core/data/Dataset.ts';
import { datasetForWorkers, decodeDataset, encodeDataset, isEncodedDataset, rememberEncoded } from '../../src/sandbox/browser/encodedDataset.ts';

const dataset: Dataset = {
  format: 'gsim-dataset', version: 1, name: 'ward', variables: ['beds'],
  splits: { train: [{ id: 'a', states: [{ beds: 1, patients: [{ los: 3 }] }, { beds: 2, patients: [] }], actions: [null] }], val: [], test: [] },
};

describe('encodedDataset', () => {
  it('round-trips a dataset through its compressed bytes, hidden state included', async () => {
    const e = await encodeDataset(dataset);
    expect(isEncodedDataset(e)).toBe(true);
    expect(await decodeDataset(e, { Blob, Response, DecompressionStream })).toEqual(dataset);
  });

  it('posts remembered bytes for a dataset once they came, and the dataset itself when none will', async () => {
    const other = structuredClone(dataset);
    const third = structuredClone(dataset);
    const { bytes } = await encodeDataset(dataset);
    let deliver!: (b: ArrayBuffer) => void;
    rememberEncoded(dataset, new Promise((resolve) => (deliver = resolve)));
    rememberEncoded(third, Promise.resolve(null));
    const waiting = datasetForWorkers(dataset);
    deliver(bytes);
    expect(await waiting).toEqual({ format: 'gsim-dataset-utf8', bytes });
    expect(await datasetForWorkers(other)).toBe(other);
    expect(await datasetForWorkers(third)).toBe(third);
    expect(await decodeDataset(other, { Blob, Response, DecompressionStream })).toBe(other);
  });

  it('does not take a look-alike without a buffer for encoded data', () => {
    expect(isEncodedDataset({ format: 'gsim-dataset-utf8', bytes: 'x' })).toBe(false);
    expect(isEncodedDataset(null)).toBe(false);
  });
});
