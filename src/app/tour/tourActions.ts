import { checkNow } from '../actions/codeActions.ts';
import { createBenchmarkProject } from '../actions/projectActions.ts';
import { setPanel } from '../actions/uiActions.ts';
import { PANELS } from '../panels/panels.ts';
import { studioStore } from '../store/studioStore.ts';
import { tourTransition, type TourEvent } from './tourMachine.ts';
import { TOUR_STEPS, type TourAction } from './tourSteps.ts';

/**
 * The tour's calibration: seconds on two cores, yet enough for the population to reach the truth. On
 * the tour's data (gsim calibrate, seed 1) 20 × 24 with two Monte-Carlo draws ends at beta 0.499,
 * gamma 0.106 (truth 0.5, 0.105 in the starter's rate form); 12 × 16 with one stopped at 0.65, 0.12.
 */
// A fixed budget keeps the tour's calibration short and the same every time (the converge default would
// run up to 1,540 candidates on COVID).
const TOUR_GA = { method: 'ga', generations: 20, popsize: 24, mc: 2, budget: 'paper' } as const;

/** The tour's what-if: the baseline and an early strict lockdown, as paper Fig. 2 shows them. */
const TOUR_SCENARIOS = ['no-lockdown', 'early-strict'] as const;

/** Remembered so the welcome screen offers the tour only until it was taken once. */
const SEEN_KEY = 'gsim.tourSeen';

/** True once the tour was opened in this browser. */
export function tourSeen(): boolean {
  try {
    return localStorage.getItem(SEEN_KEY) === '1';
  } catch {
    return false;
  }
}

async function perform(action: TourAction): Promise<void> {
  const s = studioStore.getState();
  if (action === 'open-covid') {
    if (s.meta?.env === 'covid') return;
    await createBenchmarkProject('covid');
    return;
  }
  if (action === 'whatif-demo') return whatIfDemo();
  // short-ga: only when this project has no calibration yet and none runs (never overwrite work).
  if (s.runs.length > 0 || s.activeRunId) return;
  // The calibrators load with the Calibrate panel's chunk, not with the shell.
  const { startCalibration, updateRunSettings } = await import('../actions/calibrationActions.ts');
  updateRunSettings({ ...TOUR_GA });
  await checkNow();
  await startCalibration();
}

/** Resolves once no calibration runs (the tour's GA may still be going when the user reaches the end). */
function calibrationIdle(): Promise<void> {
  return new Promise((resolve) => {
    if (!studioStore.getState().activeRunId) return resolve();
    const unsubscribe = studioStore.subscribe((s) => {
      if (s.activeRunId) return;
      unsubscribe();
      resolve();
    });
  });
}

/**
 * The intervene step's demo: on an empty What-if list, adds the baseline and an early strict lockdown
 * and runs them on the calibration (the program's init values when the GA was skipped), so a newcomer
 * sees fans and not an empty panel. A list the user filled is left alone.
 */
async function whatIfDemo(): Promise<void> {
  const s0 = studioStore.getState();
  if (s0.meta?.env !== 'covid' || s0.whatIf.scenarios.length > 0 || s0.scenarioJob) return;
  const { addPresetScenario, runScenarios, setWhatIfSettings } = await import('../actions/scenarioActions.ts');
  const { selectCalibratedModel } = await import('../store/scenarioSelectors.ts');
  for (const name of TOUR_SCENARIOS) addPresetScenario('covid-lockdown', name);
  setWhatIfSettings({ rollouts: 100 });
  await calibrationIdle();
  await runScenarios(selectCalibratedModel(studioStore.getState()) === null);
  // Bring the fans into view: the scenario forms above them fill the screen.
  requestAnimationFrame(() => document.querySelector('[data-testid="whatif.results"]')?.scrollIntoView({ behavior: 'smooth', block: 'start' }));
}

/**
 * Moves the guided tour (next, back, skip, start, goto), shows the panel of the step it lands on and
 * does that step's action (open the COVID project, start a short GA run, run two what-if scenarios) in
 * the background.
 */
export function tourEvent(event: TourEvent): void {
  const prev = studioStore.getState().tour;
  const next = tourTransition(prev, event, TOUR_STEPS.length);
  if (next === prev) return;
  studioStore.setState({ tour: next });
  if (event.type === 'start') {
    try {
      localStorage.setItem(SEEN_KEY, '1');
    } catch {
      // Storage blocked: the welcome screen keeps offering the tour, which is harmless.
    }
  }
  if (next.status !== 'open') return;
  const step = TOUR_STEPS[next.index];
  const go = async () => {
    // The first step's project must exist before a panel can show.
    if (step.action === 'open-covid' && event.type !== 'back') await perform('open-covid');
    if (step.panel && studioStore.getState().meta) setPanel(step.panel);
    if (step.action === 'short-ga' && event.type !== 'back') await perform('short-ga');
    if (step.action === 'whatif-demo' && event.type !== 'back') await perform('whatif-demo');
  };
  void go();
}

/**
 * Switches presenter mode: larger type, no settings panels, and PageDown/PageUp (or →/← outside
 * editors) step through the phases.
 * @param on the new state; toggles when omitted.
 */
export function setPresenter(on?: boolean): void {
  studioStore.setState((s) => ({ presenter: on ?? !s.presenter }));
}

/**
 * Presenter mode's phase stepping: the next (or previous) numbered step tab, stopping at the ends.
 * @param direction +1 forwards, -1 back.
 */
export function stepPhase(direction: 1 | -1): void {
  const steps = PANELS.filter((p) => p.step !== undefined);
  const current = steps.findIndex((p) => p.id === studioStore.getState().panel);
  const target = current < 0 ? 0 : Math.min(steps.length - 1, Math.max(0, current + direction));
  setPanel(steps[target].id);
}
