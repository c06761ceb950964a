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

/**
 * One `step` from the first state of the data at the program's init values: the observed variables
 * before, what the program returned, and what the data holds next (Try one step).
 */
export interface StepCheck {
  trajectory: string;
  variables: string[];
  from: number[];
  returned: number[];
  observedNext: number[];
}

/**
 * Result of the latest background check of the working copy: it compiles and, when there is data,
 * `step` runs on the data's first state and returns every observed variable (`step`). An error in
 * that step is an error of phase 'step'.
 */
export type CompileState =
  | { status: 'idle' }
  | { status: 'checking' }
  | { status: 'ok'; parameters: ParameterSpec[]; hash: string; step?: StepCheck }
  | { status: 'error'; message: string; hash: string; phase?: 'compile' | 'step' };

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
