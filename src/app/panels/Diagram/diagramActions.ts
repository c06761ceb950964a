import type { Diagram } from '../../../core/diagram/Diagram.ts';
import { generateProgram } from '../../../core/diagram/generateProgram.ts';
import { diagramMeaningErrors } from '../../../core/diagram/validateDiagram.ts';
import { saveVersion, setSource } from '../../actions/codeActions.ts';
import { setPanel } from '../../actions/uiActions.ts';
import { studioStore } from '../../store/studioStore.ts';

/** The program this tab last wrote from the diagram; any other program is saved as a version first. */
let lastWritten: string | null = null;

/**
 * Replaces the diagram. When it has no errors its program becomes the project's code (the program
 * there before is saved as a code version unless the diagram wrote it, so nothing is lost); a diagram
 * with errors is kept as a draft and the code stays as it was.
 */
export function setDiagram(next: Diagram): void {
  studioStore.setState({ diagram: next });
  if (diagramMeaningErrors(next).length > 0) return;
  writeProgram(generateProgram(next));
}

/** Stores a diagram read back from edited code (the code already says the same). */
export function adoptDiagramFromCode(next: Diagram): void {
  studioStore.setState({ diagram: next });
  lastWritten = studioStore.getState().source;
}

/**
 * Makes the diagram lead again after the code led: the current program is saved as a version, then
 * replaced by the diagram's program.
 */
export function backToDiagram(): void {
  const d = studioStore.getState().diagram;
  if (!d) return;
  saveVersion();
  lastWritten = null;
  setDiagram(d);
}

/** Removes the diagram from the project; the program stays. */
export function dropDiagram(): void {
  studioStore.setState({ diagram: null });
}

/** Switches between the code and the diagram mode of step 3. */
export function showDiagram(show: boolean): void {
  setPanel(show ? 'diagram' : 'code');
}

function writeProgram(code: string): void {
  const s = studioStore.getState();
  if (s.source === code) {
    lastWritten = code;
    return;
  }
  if (s.source.trim() !== '' && s.source !== lastWritten) saveVersion();
  lastWritten = code;
  setSource(code);
}
