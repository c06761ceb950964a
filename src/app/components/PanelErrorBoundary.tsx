import { Component, type ReactNode } from 'react';

interface Props {
  /** The step's name, for the message. */
  panel: string;
  children: ReactNode;
}

interface State {
  error: Error | null;
}

/**
 * Catches a render error in one step (a malformed imported result, a bug) so that only that step shows
 * what failed: the top bar, the other steps and everything typed stay usable, and the project keeps
 * being saved (the store and autosave live outside React). Keyed by step and project by its parent, so
 * moving to another step or project starts clean; "Try again" re-renders the step.
 */
export class PanelErrorBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <div className="empty-state" role="alert" data-testid="panel.error">
        <p>
          <strong>This step could not be shown</strong> ({this.props.panel}): {error.message.slice(0, 500)}
        </p>
        <p>Your work is saved, and the other steps keep working. Something in this project's data may be malformed.</p>
        <button type="button" onClick={() => this.setState({ error: null })} data-testid="panel.error.retry">
          Try again
        </button>
      </div>
    );
  }
}
