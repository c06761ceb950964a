import { ReadOnlyCodeView } from '../../components/ReadOnlyCodeView.tsx';

/** The project's program beside the diagram, read-only (edit it in the Code mode; edits round-trip). */
export function GeneratedCodeView({ source }: { source: string }) {
  return (
    <ReadOnlyCodeView
      source={source}
      path="file:///gsim/diagram-program.js"
      testId="diagram.code"
      ariaLabel="The simulator program generated from the diagram (read-only here; edit it in the Code mode)."
    />
  );
}
