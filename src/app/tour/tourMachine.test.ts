import { describe, expect, it } from 'vitest';
import { CLOSED_TOUR, isLastStep, tourTransition, type TourEvent, type TourState } from './tourMachine.ts';
import { TOUR_STEPS } from './tourSteps.ts';

const run = (events: TourEvent[], steps = 4): TourState => events.reduce((s, e) => tourTransition(s, e, steps), CLOSED_TOUR as TourState);

describe('tourTransition', () => {
  it('opens at the first step and walks to the end, closing after the last', () => {
    expect(run([{ type: 'start' }])).toEqual({ status: 'open', index: 0 });
    expect(run([{ type: 'start' }, { type: 'next' }, { type: 'next' }, { type: 'next' }])).toEqual({ status: 'open', index: 3 });
    expect(isLastStep(run([{ type: 'start' }, { type: 'next' }, { type: 'next' }, { type: 'next' }]), 4)).toBe(true);
    expect(run([{ type: 'start' }, { type: 'next' }, { type: 'next' }, { type: 'next' }, { type: 'next' }])).toEqual(CLOSED_TOUR);
  });

  it('goes back but not before the first step', () => {
    expect(run([{ type: 'start' }, { type: 'next' }, { type: 'back' }])).toEqual({ status: 'open', index: 0 });
    expect(run([{ type: 'start' }, { type: 'back' }])).toEqual({ status: 'open', index: 0 });
  });

  it('skip closes from any step; a closed tour ignores everything but start', () => {
    expect(run([{ type: 'start' }, { type: 'next' }, { type: 'skip' }])).toEqual(CLOSED_TOUR);
    expect(run([{ type: 'next' }, { type: 'back' }, { type: 'goto', index: 2 }])).toEqual(CLOSED_TOUR);
    expect(run([{ type: 'start' }, { type: 'skip' }, { type: 'start' }])).toEqual({ status: 'open', index: 0 });
  });

  it('goto jumps within range only', () => {
    expect(run([{ type: 'start' }, { type: 'goto', index: 2 }])).toEqual({ status: 'open', index: 2 });
    expect(run([{ type: 'start' }, { type: 'goto', index: 9 }])).toEqual({ status: 'open', index: 0 });
    expect(run([{ type: 'start' }], 0)).toEqual(CLOSED_TOUR);
  });
});

describe('TOUR_STEPS', () => {
  it('walks one G-Sim cycle in the paper’s order, each phase with its reason', () => {
    const panels = TOUR_STEPS.map((s) => s.panel).filter(Boolean);
    expect(panels).toEqual(['knowledge', 'code', 'calibrate', 'diagnostics', 'loop', 'scenarios']);
    for (const s of TOUR_STEPS) expect(s.why.length).toBeGreaterThan(20);
    expect(TOUR_STEPS[0].action).toBe('open-covid');
    expect(TOUR_STEPS.find((s) => s.panel === 'calibrate')?.action).toBe('short-ga');
  });
});
