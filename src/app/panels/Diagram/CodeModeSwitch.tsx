import { showDiagram } from './diagramActions.ts';

/** Switches step 3 between writing the program as code and drawing it as a diagram. */
export function CodeModeSwitch({ mode }: { mode: 'code' | 'diagram' }) {
  return (
    <div className="segmented" role="group" aria-label="Write the simulator as">
      <button type="button" className={`btn${mode === 'code' ? ' primary' : ''}`} aria-pressed={mode === 'code'} data-testid="mode.code" onClick={() => showDiagram(false)}>
        Code
      </button>
      <button type="button" className={`btn${mode === 'diagram' ? ' primary' : ''}`} aria-pressed={mode === 'diagram'} data-testid="mode.diagram" onClick={() => showDiagram(true)}>
        Diagram
      </button>
    </div>
  );
}
