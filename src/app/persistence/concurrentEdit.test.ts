import { describe, expect, it } from 'vitest';
import { createStore } from 'zustand/vanilla';
import { createStudioStore } from '../store/studioStore.ts';
import type { ConcurrentEdit } from './concurrentEdit.ts';
import { createAutosave } from './createAutosave.ts';
import { createMemoryRepository } from './StudioRepository.ts';

const META = { id: 'p1', name: 'P', env: null, createdAt: 1, updatedAt: 1 };

/** One browser tab: its own store, autosave and conflict notice, sharing `repo` with the other tabs. */
function tab(repo: ReturnType<typeof createMemoryRepository>, saved: [string, number][]) {
  const store = createStudioStore();
  const conflicts = createStore<{ conflict: ConcurrentEdit | null }>(() => ({ conflict: null }));
  store.setState({ meta: META, knowledge: 'start', source: 's' });
  const autosave = createAutosave(store, repo, 10_000, { conflicts, onSaved: (id, rev) => saved.push([id, rev]) });
  return { store, conflicts, autosave };
}

describe('two tabs on one project', () => {
  it('the second writer is held back with a conflict; storage keeps the first; nothing in memory is lost', async () => {
    const repo = createMemoryRepository();
    const saved: [string, number][] = [];
    const a = tab(repo, saved);
    a.autosave.markAllDirty();
    await a.autosave.flush();
    expect(saved).toEqual([['p1', 1]]);

    // Tab B opens the project now (revision 1), then A saves again (revision 2).
    const b = tab(repo, saved);
    b.store.setState({ meta: { ...META } });
    b.autosave.adoptStored('p1', await repo.getRevision('p1'));
    a.store.setState({ knowledge: 'A wrote this' });
    await a.autosave.flush();
    expect(await repo.getRevision('p1')).toBe(2);

    // B edits and saves: refused, reported, and B's text stays in its store.
    b.store.setState({ knowledge: 'B wrote this' });
    await b.autosave.flush();
    expect(b.conflicts.getState().conflict).toEqual({ projectId: 'p1', theirRevision: 2 });
    expect((await repo.loadProject('p1'))!.project.knowledge).toBe('A wrote this');
    expect(b.store.getState().knowledge).toBe('B wrote this');
    // Later flushes stay held back while the conflict is open.
    b.store.setState({ knowledge: 'B wrote more' });
    await b.autosave.flush();
    expect((await repo.loadProject('p1'))!.project.knowledge).toBe('A wrote this');

    // B reloads A's version: from then on B saves normally.
    b.store.setState({ knowledge: (await repo.loadProject('p1'))!.project.knowledge });
    b.autosave.adoptStored('p1', await repo.getRevision('p1'));
    expect(b.conflicts.getState().conflict).toBeNull();
    b.store.setState({ knowledge: 'B after reload' });
    await b.autosave.flush();
    expect((await repo.loadProject('p1'))!.project.knowledge).toBe('B after reload');
    expect(saved.at(-1)).toEqual(['p1', 3]);
  });

  it('a save announced by another tab marks the open project as changed elsewhere, only when newer', async () => {
    const repo = createMemoryRepository();
    const b = tab(repo, []);
    b.store.setState({ meta: { ...META } });
    b.autosave.adoptStored('p1', 4);
    await b.autosave.noteForeignSave('p1', 4);
    await b.autosave.noteForeignSave('other', 9);
    expect(b.conflicts.getState().conflict).toBeNull();
    await b.autosave.noteForeignSave('p1', 5);
    expect(b.conflicts.getState().conflict).toEqual({ projectId: 'p1', theirRevision: 5 });
  });
});

describe('what autosave writes', () => {
  it('an edit to any part of the project document alone is saved (knowledge, code, rules, what-if, recording)', async () => {
    const repo = createMemoryRepository();
    const { store, autosave } = tab(repo, []);
    autosave.markAllDirty();
    await autosave.flush();
    const edits: [string, (s: ReturnType<typeof store.getState>) => Partial<ReturnType<typeof store.getState>>][] = [
      ['knowledge', () => ({ knowledge: 'k2' })],
      ['source', () => ({ source: 'const parameters = {};' })],
      ['rules', () => ({ rules: [{ id: 'r', description: 'd', check: 'S >= 0' }] })],
      ['whatIf', (s) => ({ whatIf: { ...s.whatIf } })],
    ];
    for (const [key, edit] of edits) {
      const before = await repo.getRevision('p1');
      store.setState(edit(store.getState()));
      await autosave.flush();
      expect(await repo.getRevision('p1'), key).toBe(before + 1);
      const stored = (await repo.loadProject('p1'))!.project as unknown as Record<string, unknown>;
      expect(stored[key], key).toEqual((store.getState() as unknown as Record<string, unknown>)[key]);
    }
  });
});
