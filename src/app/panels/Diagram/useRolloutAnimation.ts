import { useEffect, useRef, useState } from 'react';
import type { Diagram } from '../../../core/diagram/Diagram.ts';
import { expectedFlows } from '../../../core/diagram/expectedFlows.ts';
import { ensureRunProgram } from '../../actions/runPoolProgram.ts';
import { getRunPool } from '../../lib/simPools.ts';
import { hashSource } from '../../model/hashSource.ts';
import { studioStore } from '../../store/studioStore.ts';

/** One animation frame: stock levels and expected flow amounts at step t. */
export interface RolloutFrame {
  t: number;
  levels: Record<string, number>;
  flows: Record<string, number>;
}

export type AnimationState =
  | { kind: 'idle' }
  | { kind: 'loading' }
  | { kind: 'failed'; message: string }
  | { kind: 'ready'; frames: RolloutFrame[]; index: number; playing: boolean; paramsFrom: string };

const FRAME_MS = 200;

/**
 * Plays one rollout of the project's program on the diagram (teaching): the run pool simulates the
 * first trajectory of the data from its start state (the calibrated parameters of the newest run of
 * this code, else `init`); each frame shows the stock levels and each flow's expected amount at that
 * state (computed from the diagram's expressions).
 */
export function useRolloutAnimation(diagram: Diagram) {
  const [state, setState] = useState<AnimationState>({ kind: 'idle' });
  const timer = useRef<ReturnType<typeof setInterval> | null>(null);

  const stopTimer = () => {
    if (timer.current !== null) clearInterval(timer.current);
    timer.current = null;
  };
  useEffect(() => stopTimer, []);

  const play = async () => {
    stopTimer();
    const s = studioStore.getState();
    if (!s.dataset) return setState({ kind: 'failed', message: 'Load data first: the rollout starts from the first trajectory of the data.' });
    setState({ kind: 'loading' });
    const hash = hashSource(s.source);
    const run = s.runs.find((r) => r.codeHash === hash && r.status === 'done' && r.params);
    const params = run?.params ?? Object.fromEntries(diagram.parameters.map((p) => [p.name, p.init ?? (p.min + p.max) / 2]));
    const split = s.dataset.splits.train.length > 0 ? 'train' : s.dataset.splits.val.length > 0 ? 'val' : 'test';
    try {
      const loaded = await ensureRunProgram(s.source, s.dataset);
      if (!loaded.ok) throw new Error(loaded.error.message);
      const res = await getRunPool().run((api) => api.rollouts({ params, split, trajectories: [0], rollouts: 1, includeEnsemble: true, seed: 1 }));
      if (!res.ok) throw new Error(res.error.message);
      const band = res.value[0];
      const dim = band.variables.length;
      const actions = s.dataset.splits[split][0]?.actions ?? [];
      const frames: RolloutFrame[] = [];
      for (let t = 0; t < band.steps; t++) {
        const levels: Record<string, number> = {};
        band.variables.forEach((v, j) => (levels[v] = band.ensemble![t * dim + j]));
        const action = actions[t];
        frames.push({ t, levels, flows: expectedFlows(diagram, levels, params, typeof action === 'number' ? action : 0) });
      }
      setState({ kind: 'ready', frames, index: 0, playing: true, paramsFrom: run ? 'the newest calibration' : 'init values' });
      timer.current = setInterval(() => {
        setState((st) => {
          if (st.kind !== 'ready' || !st.playing) return st;
          if (st.index + 1 >= st.frames.length) {
            stopTimer();
            return { ...st, playing: false };
          }
          return { ...st, index: st.index + 1 };
        });
      }, FRAME_MS);
    } catch (e) {
      setState({ kind: 'failed', message: e instanceof Error ? e.message : String(e) });
    }
  };

  const stop = () => {
    stopTimer();
    setState({ kind: 'idle' });
  };

  const frame = state.kind === 'ready' ? state.frames[state.index] : null;
  return { state, frame, play, stop };
}
