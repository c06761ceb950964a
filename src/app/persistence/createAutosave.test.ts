import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createRun } from '../model/runTransitions.ts';
import { createStudioStore } from '../store/studioStore.ts';
import { createAutosave } from './createAutosave.ts';
import { createMemoryRepository } from './StudioRepository.ts';

const META = { id: 'p1', name: 'P', env: null, createdAt: 1, updatedAt: 1 };

describe('createAutosave', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('writes the project, new versions and changed runs after the debounce, once per flush', async () => {
    const store = createStudioStore();
    const repo = createMemoryRepository();
    const saveRuns = vi.spyOn(repo, 'saveRuns');
    store.setState({ meta: META, knowledge: 'k', source: 's' });
    const autosave = createAutosave(store, repo, 100);
    autosave.markAllDirty();

    const run = createRun({ id: 'r1', projectId: 'p1', now: 1, settings: { method: 'ga', generations: 3, popsize: 4, mc: 1, seed: 1 }, codeHash: 'h', parameters: [] });
    store.setState({ knowledge: 'k2', versions: [{ projectId: 'p1', hash: 'h', source: 's', savedAt: 1 }], runs: [run] });
    for (let i = 1; i <= 3; i++) store.setState((s) => ({ runs: [{ ...s.runs[0], iteration: i }] }));
    expect((await repo.loadProject('p1'))).toBeNull(); // nothing before the debounce
    await vi.advanceTimersByTimeAsync(150);
    await autosave.flush();

    const stored = await repo.loadProject('p1');
    expect(stored?.project.knowledge).toBe('k2');
    expect(stored?.versions.map((v) => v.hash)).toEqual(['h']);
    expect(stored?.runs[0].iteration).toBe(3);
    expect(saveRuns).toHaveBeenCalledTimes(1);
    expect(await repo.getLastProjectId()).toBe('p1');
    await autosave.stop();
  });

  it('stores generated benchmark data as its recipe only', async () => {
    const store = createStudioStore();
    const repo = createMemoryRepository();
    store.setState({ meta: { ...META, env: 'covid' }, datasetOrigin: { kind: 'generated', env: 'covid', seed: 1 } });
    const autosave = createAutosave(store, repo, 10);
    autosave.markAllDirty();
    store.setState({
      dataset: { format: 'gsim-dataset', version: 1, name: 'd', variables: ['S'], splits: { train: [{ id: 'a', states: [{ S: 1 }], actions: [] }], val: [], test: [] } },
    });
    await autosave.flush();
    const stored = await repo.loadProject('p1');
    expect(stored?.project.dataset).toBeNull();
    expect(stored?.project.datasetOrigin).toEqual({ kind: 'generated', env: 'covid', seed: 1 });
    await autosave.stop();
  });

  it('does not write when another project is opened (it was just read)', async () => {
    const store = createStudioStore();
    const repo = createMemoryRepository();
    const saveProject = vi.spyOn(repo, 'saveProject');
    const autosave = createAutosave(store, repo, 10);
    store.setState({ meta: META, knowledge: 'loaded' });
    await autosave.flush();
    expect(saveProject).not.toHaveBeenCalled();
    await autosave.stop();
  });
});
