import { useRef, useState, type ReactNode } from 'react';

/** Props of {@link FileDrop}. */
export interface FileDropProps {
  accept: string;
  onFile(file: File): void;
  children: ReactNode;
  buttonLabel: string;
  testId?: string;
}

/** A drop zone with a "choose file" button (keyboard users never need to drag). */
export function FileDrop({ accept, onFile, children, buttonLabel, testId }: FileDropProps) {
  const [over, setOver] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  return (
    <div
      className={`dropzone${over ? ' over' : ''}`}
      data-testid={testId}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        const f = e.dataTransfer.files?.[0];
        if (f) onFile(f);
      }}
    >
      <div className="stack" style={{ alignItems: 'center', gap: 'var(--space-2)' }}>
        {children}
        <button className="btn" type="button" onClick={() => input.current?.click()} data-testid={testId ? `${testId}.choose` : undefined}>
          {buttonLabel}
        </button>
      </div>
      <input
        ref={input}
        type="file"
        accept={accept}
        hidden
        data-testid={testId ? `${testId}.input` : undefined}
        onChange={(e) => {
          const f = e.target.files?.[0];
          if (f) onFile(f);
          e.target.value = '';
        }}
      />
    </div>
  );
}
