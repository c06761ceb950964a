import type { ReactNode } from 'react';

/** A labelled form control with its error (if any) right under it. */
export function Field({ label, error, wide, children, testId }: { label: string; error?: string; wide?: boolean; children: ReactNode; testId?: string }) {
  return (
    <label className={`field${error ? ' invalid' : ''}${wide ? ' wide' : ''}`}>
      {label}
      {children}
      {error && (
        <span className="field-error" role="alert" data-testid={testId ? `${testId}.error` : undefined}>
          {error}
        </span>
      )}
    </label>
  );
}
