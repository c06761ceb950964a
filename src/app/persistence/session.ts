import type { Autosave } from './createAutosave.ts';
import type { StudioRepository } from './StudioRepository.ts';

/** The repository and autosaver of this page, set once at start-up (see startPersistence). */
export interface PersistenceSession {
  repo: StudioRepository;
  autosave: Autosave;
}

let current: PersistenceSession | null = null;

/** Installs the session (called once by the bootstrap, or by a test). */
export function setPersistence(session: PersistenceSession | null): void {
  current = session;
}

/** The installed session; throws if the bootstrap has not run, which is a programming error. */
export function persistence(): PersistenceSession {
  if (!current) throw new Error('persistence(): the persistence session was not started (call startPersistence first)');
  return current;
}

/** The installed session, or null (for code that may run before start-up, e.g. tests). */
export function maybePersistence(): PersistenceSession | null {
  return current;
}
