import { dismissNotice } from '../actions/uiActions.ts';
import { useStudio } from '../store/useStudio.ts';

/** Transient messages (bottom right); errors stay until dismissed. Announced to screen readers. */
export function Notices() {
  const notices = useStudio((s) => s.notices);
  return (
    <div className="notices" role="status" aria-live="polite" data-testid="ui.notices">
      {notices.map((n) => (
        <div key={n.id} className={`notice ${n.kind}`} data-testid={`notice.${n.kind}`}>
          <span style={{ flex: 1 }}>{n.text}</span>
          <button className="btn ghost text-small" type="button" aria-label="Dismiss" onClick={() => dismissNotice(n.id)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
