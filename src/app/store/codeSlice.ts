import type { ParameterSpec } from '../../core/sim/types.ts';
import type { CodeVersion } from '../model/Project.ts';

/** A problem to show in the editor at a source position (1-based). */
export interface EditorMarker {
  line: number;
  column: number;
  message: string;
  /** Where it came from: the compile check or a run in a worker. */
  source: 'compile' | 'runtime';
}

/** Result of the latest background compile check of the working copy. */
export type CompileState =
  | { status: 'idle' }
  | { status: 'checking' }
  | { status: 'ok'; parameters: ParameterSpec[]; hash: string }
  | { status: 'error'; message: string; hash: string };

/** The simulator program: working copy, saved versions, and what the compiler said. */
export interface CodeSlice {
  source: string;
  versions: CodeVersion[];
  markers: EditorMarker[];
  compile: CompileState;
}

/** Initial code slice. */
export function createCodeSlice(): CodeSlice {
  return { source: '', versions: [], markers: [], compile: { status: 'idle' } };
}
