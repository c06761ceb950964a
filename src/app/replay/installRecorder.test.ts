import { describe, expect, it } from 'vitest';
import { IDLE_LOOP } from '../model/LoopVersion.ts';
import { createRun } from '../model/runTransitions.ts';
import { createStudioStore } from '../store/studioStore.ts';
import { installRecorder } from './installRecorder.ts';

const META = { id: 'p1', name: 'COVID', env: 'covid' as const, createdAt: 1, updatedAt: 1 };
const SETTINGS = { method: 'ga' as const, generations: 3, popsize: 8, mc: 1, seed: 7 };

function setup() {
  const store = createStudioStore();
  let t = 0;
  installRecorder(store, () => ++t);
  store.setState({ meta: META, source: 'START', runs: [], lineage: [], recording: null });
  return store;
}

describe('installRecorder', () => {
  it('starts a recording when a fresh project opens', () => {
    const store = setup();
    expect(store.getState().recording).toMatchObject({ projectId: 'p1', start: { env: 'covid', source: 'START' }, steps: [] });
  });

  it('installed after a fresh project opened, it still records that project', () => {
    const store = createStudioStore();
    store.setState({ meta: META, source: 'START', runs: [], lineage: [], recording: null });
    installRecorder(store, () => 5);
    expect(store.getState().recording).toMatchObject({ projectId: 'p1', start: { source: 'START' }, steps: [] });
    store.setState({ loop: { ...IDLE_LOOP, status: 'running' } });
    expect(store.getState().recording!.steps.map((x) => x.kind)).toEqual(['loop']);
  });

  it('leaves a project with history but no recording unrecorded', () => {
    const store = createStudioStore();
    installRecorder(store);
    const run = createRun({ id: 'r', projectId: 'p2', now: 1, settings: SETTINGS, codeHash: 'h', parameters: [] });
    store.setState({ meta: { ...META, id: 'p2' }, runs: [run] });
    expect(store.getState().recording).toBeNull();
  });

  it('records the user’s edits and calibrations, but not what the loop does by itself', () => {
    const store = setup();
    store.setState({ source: 'S' });
    store.setState({ source: 'SI' });
    const run = createRun({ id: 'r1', projectId: 'p1', now: 1, settings: SETTINGS, codeHash: 'h', parameters: [] });
    store.setState({ runs: [run], activeRunId: 'r1' });
    store.setState({ runs: [{ ...run, iteration: 1 }] }); // progress of the same run: not a new step
    store.setState({ activeRunId: null, loopOptions: { iterations: 2, patience: 1 } });
    store.setState({ loop: { ...IDLE_LOOP, status: 'running' } });
    store.setState({ source: 'LLM CODE' }); // the loop's proposal
    const loopRun = createRun({ id: 'r2', projectId: 'p1', now: 2, settings: SETTINGS, codeHash: 'h2', parameters: [] });
    store.setState({ runs: [loopRun, run], activeRunId: 'r2' }); // the loop's own calibration
    const steps = store.getState().recording!.steps;
    expect(steps.map((s) => s.kind)).toEqual(['edit-code', 'calibrate', 'loop']);
    expect(steps[0]).toMatchObject({ source: 'SI' });
    expect(steps[1]).toMatchObject({ settings: SETTINGS });
    expect(steps[2]).toMatchObject({ options: { iterations: 2, patience: 1 }, replies: [] });
  });

  it('records nothing while a replay runs', () => {
    const store = setup();
    store.setState({ replay: { status: 'running', cursor: 0, auto: false } });
    store.setState({ source: 'REPLAYED' });
    expect(store.getState().recording!.steps).toEqual([]);
  });
});
