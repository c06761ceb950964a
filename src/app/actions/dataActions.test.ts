import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createInitialState, studioStore } from '../store/studioStore.ts';

// The compile check needs Web Workers; these tests are about the import only.
vi.mock('./codeActions.ts', () => ({ scheduleCompileCheck: vi.fn() }));
const { importTrajectories, editImportText, confirmPendingImport, cancelPendingImport, undoImport } = await import('./dataActions.ts');

const CSV = 'trajectory,t,S,I\na,0,10,1\na,1,9,2\nb,0,10,1\nb,1,8,3\nc,0,10,1\nc,1,9,1\n';

describe('importTrajectories', () => {
  beforeEach(() => {
    studioStore.setState({ ...createInitialState(), meta: { id: 'p', name: 'P', env: null, createdAt: 0, updatedAt: 0 }, knowledge: 'mine' }, true);
  });

  it('on a malformed row keeps the text and names row and column; the project is untouched', async () => {
    const bad = CSV.replace('b,1,8,3', 'b,1,8,x');
    expect(await importTrajectories('e.csv', bad)).toBe(false);
    const s = studioStore.getState();
    expect(s.importProblem).toMatchObject({ row: 5, column: 'I', text: bad });
    expect(s.dataset).toBeNull();
    expect(s.knowledge).toBe('mine');
    editImportText(bad.replace('8,x', '8,3'));
    expect(await importTrajectories('e.csv', studioStore.getState().importProblem!.text)).toBe(true);
    expect(studioStore.getState().importProblem).toBeNull();
  });

  it('on success sets the dataset, its variables, the origin and the first trajectory', async () => {
    expect(await importTrajectories('e.csv', CSV)).toBe(true);
    const s = studioStore.getState();
    expect(s.variables).toEqual(['S', 'I']);
    expect(s.datasetOrigin).toMatchObject({ kind: 'imported', fileName: 'e.csv' });
    expect(s.selected).toEqual({ split: 'train', index: 0 });
  });

  it('a file with other variables waits for confirmation; cancelling keeps the data, confirming replaces it, undo puts it back', async () => {
    expect(await importTrajectories('e.csv', CSV)).toBe(true);
    const first = studioStore.getState().dataset;
    const other = 'trajectory,t,inventory,backlog\na,0,20,0\na,1,18,1\nb,0,20,0\nb,1,17,0\nc,0,20,0\nc,1,19,2\n';

    expect(await importTrajectories('sc.csv', other)).toBe(false);
    let s = studioStore.getState();
    expect(s.pendingImport).toMatchObject({ fileName: 'sc.csv', added: ['inventory', 'backlog'], missing: ['S', 'I'] });
    expect(s.dataset).toBe(first);
    cancelPendingImport();
    expect(studioStore.getState().pendingImport).toBeNull();
    expect(studioStore.getState().variables).toEqual(['S', 'I']);

    await importTrajectories('sc.csv', other);
    confirmPendingImport();
    s = studioStore.getState();
    expect(s.variables).toEqual(['inventory', 'backlog']);
    expect(s.pendingImport).toBeNull();
    expect(s.importUndo).toMatchObject({ fileName: 'sc.csv', variables: ['S', 'I'] });

    undoImport();
    s = studioStore.getState();
    expect(s.dataset).toBe(first);
    expect(s.variables).toEqual(['S', 'I']);
    expect(s.datasetOrigin).toMatchObject({ kind: 'imported', fileName: 'e.csv' });
    expect(s.importUndo).toBeNull();
  });

  it('a file with the same variables replaces the data at once and can still be undone', async () => {
    await importTrajectories('e.csv', CSV);
    const first = studioStore.getState().dataset;
    expect(await importTrajectories('f.csv', CSV.replace('a,1,9,2', 'a,1,7,4'))).toBe(true);
    expect(studioStore.getState().dataset).not.toBe(first);
    undoImport();
    expect(studioStore.getState().dataset).toBe(first);
  });
});
