import type { ProjectMeta } from '../model/Project.ts';

/** The open project's identity and its knowledge, plus the list of all projects. */
export interface ProjectSlice {
  /** All saved projects, newest first (for the picker). */
  projects: ProjectMeta[];
  /** The open project, or null before one is created or restored. */
  meta: ProjectMeta | null;
  knowledge: string;
  variables: string[];
}

/** Initial project slice: nothing open. */
export function createProjectSlice(): ProjectSlice {
  return { projects: [], meta: null, knowledge: '', variables: [] };
}
