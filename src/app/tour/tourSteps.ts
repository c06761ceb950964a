import type { PanelId } from '../store/uiSlice.ts';

/** Something cheap and real the tour does when a step opens (never anything that needs an API key). */
export type TourAction = 'open-covid' | 'short-ga' | 'whatif-demo';

/** One stop of the guided tour. */
export interface TourStep {
  id: string;
  title: string;
  /** What the phase is for, in one sentence (the "why"). */
  why: string;
  /** What to look at or do here. */
  hint?: string;
  /** The panel the step shows. */
  panel?: PanelId;
  /** `data-testid` of the control the popover points at; none: centred. */
  anchor?: string;
  action?: TourAction;
}

/**
 * One complete G-Sim cycle on the COVID benchmark (paper Algorithm 1): knowledge → code → calibrate →
 * diagnostics → refine → intervene.
 */
export const TOUR_STEPS: readonly TourStep[] = [
  {
    id: 'welcome',
    title: 'One G-Sim cycle on COVID',
    why: 'G-Sim builds a simulator from what experts know and what was observed: an LLM writes its structure as code, and a search fits its numbers to data.',
    hint: 'This tour opens the COVID benchmark (an SIR epidemic with made-up "observed" data and a known truth) and walks through the six phases. It needs no API key.',
    action: 'open-covid',
  },
  {
    id: 'knowledge',
    title: 'Knowledge',
    why: 'The LLM writes the simulator from the domain knowledge, so the structure comes from experts and not from fitting alone.',
    hint: 'Here: a description of the epidemic, the observed variables S, I, R and domain rules every candidate must respect.',
    panel: 'knowledge',
    anchor: 'nav.knowledge',
  },
  {
    id: 'code',
    title: 'Propose (or edit) code',
    why: 'A simulator written as a program is readable and editable, and its parameters come with prior bounds that define the search.',
    hint: 'The starter program is a binomial SIR with two parameters, beta and gamma. You can edit it; the editor checks it as you type.',
    panel: 'code',
    anchor: 'nav.code',
  },
  {
    id: 'calibrate',
    title: 'Calibrate',
    why: 'Simulators are stochastic and not differentiable, so a gradient-free search (a genetic algorithm) fits the parameters to the training data.',
    hint: 'The tour started a GA run of a few seconds. Watch the population close in on the truth (the star) over the fitness landscape.',
    panel: 'calibrate',
    anchor: 'calibrate.population',
    action: 'short-ga',
  },
  {
    id: 'diagnostics',
    title: 'Diagnostics',
    why: 'A model that fits one step at a time can still roll out wrongly, so held-out trajectories test it and the results become feedback.',
    hint: 'Validation metrics, fan charts of rollouts against the data, and for a benchmark the distance to the ground truth.',
    panel: 'diagnostics',
    anchor: 'nav.diagnostics',
  },
  {
    id: 'refine',
    title: 'Refine with the LLM',
    why: 'The LLM reads the diagnostics and proposes a better program, so the structure improves and not only the numbers.',
    hint: 'This needs an LLM (LLM settings), or replay a recorded session from the Help menu: it needs no key.',
    panel: 'loop',
    anchor: 'nav.loop',
  },
  {
    id: 'intervene',
    title: 'Intervene: what-if & policy',
    why: 'A calibrated simulator is for questions the data never showed: what happens under a lockdown, and which policy is best.',
    hint: 'The tour ran two scenarios on the calibrated model beside the ground truth: no lockdown and an early strict one. Compare the fans; below, policy grids search for the cheapest intervention.',
    panel: 'scenarios',
    anchor: 'nav.scenarios',
    action: 'whatif-demo',
  },
  {
    id: 'done',
    title: 'That was one cycle',
    why: 'In G-Sim the cycle repeats: each refinement is calibrated and diagnosed again until the model stops improving.',
    hint: 'Help menu: take the tour again, switch on presenter mode (Alt+P) or replay a recorded session.',
  },
];
