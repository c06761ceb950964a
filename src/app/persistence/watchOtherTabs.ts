import type { Autosave } from './createAutosave.ts';

/** What a tab tells the others after it saved a project. */
interface SavedMessage {
  type: 'saved';
  projectId: string;
  revision: number;
}

const CHANNEL = 'gsim-studio-saves';

/**
 * Links this tab's autosave with the other tabs of the studio (same origin) over a BroadcastChannel:
 * each save is announced, and a save announced for the project open here raises the concurrent-edit
 * notice at once, before this tab's next write would be refused anyway (the revision check in
 * createAutosave is the guarantee; this only makes it prompt). No-op where BroadcastChannel is missing.
 * @returns the `onSaved` hook to give createAutosave, and a function that connects the autosave.
 */
export function watchOtherTabs(): { onSaved(projectId: string, revision: number): void; connect(autosave: Autosave): void } {
  if (typeof BroadcastChannel === 'undefined') return { onSaved() {}, connect() {} };
  const channel = new BroadcastChannel(CHANNEL);
  return {
    onSaved(projectId, revision) {
      channel.postMessage({ type: 'saved', projectId, revision } satisfies SavedMessage);
    },
    connect(autosave) {
      channel.onmessage = (e: MessageEvent<SavedMessage>) => {
        if (e.data?.type === 'saved') void autosave.noteForeignSave(e.data.projectId, e.data.revision);
      };
    },
  };
}
