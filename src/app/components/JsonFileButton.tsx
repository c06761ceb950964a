import { useRef, type ReactNode } from 'react';

export interface JsonFileButtonProps {
  children: ReactNode;
  className: string;
  /** Test ids of the button and of its hidden file input (tests set files on the input). */
  testId: string;
  inputTestId: string;
  title?: string;
  onFile(file: File): void;
}

/**
 * A button that opens the file chooser for one JSON file (project import, sweep results). The input is
 * cleared after each pick, so choosing the same file again (after fixing it) fires again.
 */
export function JsonFileButton({ children, className, testId, inputTestId, title, onFile }: JsonFileButtonProps) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button className={className} type="button" data-testid={testId} title={title} onClick={() => input.current?.click()}>
        {children}
      </button>
      <input
        ref={input}
        type="file"
        accept=".json,application/json"
        hidden
        data-testid={inputTestId}
        onChange={(e) => {
          const f = e.target.files?.[0];
          if (f) onFile(f);
          e.target.value = '';
        }}
      />
    </>
  );
}
