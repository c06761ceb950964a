import { describe, expect, it } from 'vitest';
import { DatasetError } from '../../core/data/DatasetError.ts';
import { readDatasetFile } from './readDatasetFile.ts';

describe('readDatasetFile', () => {
  it('reads CSV by extension', () => {
    const { dataset } = readDatasetFile('e.csv', 'trajectory,t,x\na,0,1\na,1,2\nb,0,1\nb,1,3\nc,0,2\nc,1,2\n');
    expect(dataset.variables).toEqual(['x']);
  });

  it('names row and column of a malformed CSV cell', () => {
    try {
      readDatasetFile('e.csv', 'trajectory,t,x\na,0,1\na,1,oops\n');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(DatasetError);
      expect((e as DatasetError).row).toBe(3);
      expect((e as DatasetError).column).toBe('x');
    }
  });

  it('names the line and column of a JSON syntax error', () => {
    try {
      readDatasetFile('d.json', '{\n  "format": "gsim-dataset",\n  oops\n}');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(DatasetError);
      expect((e as DatasetError).message).toMatch(/Line 3, column 3/);
    }
  });

  it('validates dataset JSON with a path', () => {
    expect(() => readDatasetFile('d.json', JSON.stringify({ format: 'gsim-dataset', version: 1, name: 'n', variables: ['x'], splits: { train: [{ id: 'a', states: [{ x: 'q' }], actions: [] }] } }))).toThrow(
      /splits\.train\[0\]\.states\[0\]\.x/,
    );
  });
});
