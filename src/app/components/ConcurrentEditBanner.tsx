import { useStore } from 'zustand';
import { keepMineAsCopy, reloadTheirVersion } from '../actions/concurrencyActions.ts';
import { concurrentEditStore } from '../persistence/concurrentEdit.ts';
import { useStudio } from '../store/useStudio.ts';

/**
 * Shown when another tab saved the project open here: this tab's saving is paused (its edits are kept
 * in memory) until the user picks whose version to keep. Neither choice loses the other tab's work.
 */
const BANNER = {
  position: 'fixed', top: 56, left: '50%', transform: 'translateX(-50%)', zIndex: 60, width: 'min(760px, 92vw)',
  background: 'var(--surface, #fff)', boxShadow: '0 6px 24px rgba(0, 0, 0, 0.18)',
} as const;

export function ConcurrentEditBanner() {
  const conflict = useStore(concurrentEditStore, (s) => s.conflict);
  const openId = useStudio((s) => s.meta?.id);
  if (!conflict || conflict.projectId !== openId) return null;
  return (
    // Fixed, so it takes no row of the shell's grid and stays in view on every panel.
    <div className="alert row" role="alertdialog" aria-labelledby="concurrent-edit-title" data-testid="concurrentEdit" style={BANNER}>
      <div className="stack" style={{ flex: 1, gap: 2 }}>
        <strong id="concurrent-edit-title">This project was changed in another tab.</strong>
        <span className="text-small">Saving in this tab is paused so neither version overwrites the other. Choose which to keep.</span>
      </div>
      <button className="btn text-small" type="button" onClick={() => void reloadTheirVersion()} data-testid="concurrentEdit.reload">
        Reload their version
      </button>
      <button className="btn primary text-small" type="button" onClick={() => void keepMineAsCopy()} data-testid="concurrentEdit.copy">
        Keep mine as a copy
      </button>
    </div>
  );
}
