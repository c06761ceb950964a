import type { Dataset, SplitName } from '../../core/data/Dataset.ts';
import type { DatasetOrigin } from '../model/Project.ts';

/** An import that failed: what went wrong and where, with the user's text kept intact. */
export interface ImportProblem {
  fileName: string;
  message: string;
  row?: number;
  column?: number | string;
  path?: string;
  /** The text the user supplied, untouched, so nothing they wrote is lost ('' when `large` is set). */
  text: string;
  /** A file too large to edit in the page: its size and the bad row with its neighbours. */
  large?: { chars: number; excerpt: { row: number; text: string }[] };
}

/** A valid import whose variables differ from the project's: held until the user confirms replacing the data. */
export interface PendingImport {
  fileName: string;
  dataset: Dataset;
  warnings: string[];
  /** Variables of the file that the project does not observe now. */
  added: string[];
  /** Variables the project observes now that the file lacks (the simulator was written for them). */
  missing: string[];
}

/** What a data import replaced, so that it can be undone. */
export interface ImportUndo {
  fileName: string;
  dataset: Dataset | null;
  datasetOrigin: DatasetOrigin | null;
  variables: string[];
  selected: TrajectoryRef | null;
}

/** The trajectory shown in the Data panel. */
export interface TrajectoryRef {
  split: SplitName;
  index: number;
}

/** Observed trajectories and import state. */
export interface DataSlice {
  dataset: Dataset | null;
  datasetOrigin: DatasetOrigin | null;
  /** True while a benchmark dataset is being generated (after creating or reopening a project). */
  datasetLoading: boolean;
  importProblem: ImportProblem | null;
  /** An import with other variables, waiting for the user's confirmation. */
  pendingImport: PendingImport | null;
  /** The data the last import replaced (this session only). */
  importUndo: ImportUndo | null;
  selected: TrajectoryRef | null;
}

/** Initial data slice. */
export function createDataSlice(): DataSlice {
  return { dataset: null, datasetOrigin: null, datasetLoading: false, importProblem: null, pendingImport: null, importUndo: null, selected: null };
}
