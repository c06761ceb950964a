import { createStore } from 'zustand/vanilla';

/** Another tab saved the project this tab has open, after this tab last read or wrote it. */
export interface ConcurrentEdit {
  projectId: string;
  /** The revision the other tab wrote (this tab's copy is older). */
  theirRevision: number;
}

/**
 * Whether this tab's open project was changed by another tab. While set, this tab's autosave holds its
 * writes for that project (nothing is lost: the edits stay in memory) until the user chooses to reload
 * the other tab's version or to keep this one as a copy (src/app/actions/concurrencyActions.ts).
 */
export const concurrentEditStore = createStore<{ conflict: ConcurrentEdit | null }>(() => ({ conflict: null }));
