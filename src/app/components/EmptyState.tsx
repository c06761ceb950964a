import type { ReactNode } from 'react';

/** Props of {@link EmptyState}. */
export interface EmptyStateProps {
  title: string;
  /** What to do next, in one or two sentences. */
  children?: ReactNode;
  /** Buttons that do it. */
  actions?: ReactNode;
  testId?: string;
}

/** A placeholder that says what is missing and what to do next. */
export function EmptyState({ title, children, actions, testId }: EmptyStateProps) {
  return (
    <div className="empty-state" data-testid={testId}>
      <h3>{title}</h3>
      {children && <p>{children}</p>}
      {actions && <div className="row">{actions}</div>}
    </div>
  );
}
