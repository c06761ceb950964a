import type { Recording } from '../replay/Recording.ts';

/**
 * A replay in progress: `ready` waits for Next (or auto-play), `running` is doing a step (a
 * calibration or a loop, live), `finished` has done them all.
 */
export type ReplayStatus = 'idle' | 'ready' | 'running' | 'finished';

/** Live state of a replay (not persisted). */
export interface ReplayRuntime {
  status: ReplayStatus;
  /** Index of the next step to do. */
  cursor: number;
  /** Auto-play: do the next step as soon as one ends. */
  auto: boolean;
  /** Why the last step failed, if it did. */
  error?: string;
}

/** The open project's recorded session and the replay state. */
export interface ReplaySlice {
  /** What this project has recorded (saved with it), or null when it records nothing. */
  recording: Recording | null;
  replay: ReplayRuntime;
  /** Project whose replay offer was dismissed (the offer shows again in another project). */
  replayOfferDismissed: string | null;
}

/** No replay in progress. */
export const IDLE_REPLAY: ReplayRuntime = { status: 'idle', cursor: 0, auto: false };

/** Initial replay slice. */
export function createReplaySlice(): ReplaySlice {
  return { recording: null, replay: { ...IDLE_REPLAY }, replayOfferDismissed: null };
}
