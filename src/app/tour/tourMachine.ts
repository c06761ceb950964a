/** Where the guided tour is: closed, or open at a step. */
export type TourState = { status: 'closed' } | { status: 'open'; index: number };

/** What the user (or the keyboard) can do to the tour. */
export type TourEvent = { type: 'start' } | { type: 'next' } | { type: 'back' } | { type: 'skip' } | { type: 'goto'; index: number };

/** The tour before it is opened. */
export const CLOSED_TOUR: TourState = { status: 'closed' };

/**
 * The tour's transitions (pure): `start` opens it at the first step, `next` advances and closes after
 * the last step (the tour is finished), `back` stops at the first step, `skip` (also Esc) closes it
 * from anywhere, `goto` jumps to a step in range. Events on a closed tour other than `start` do nothing.
 * @param steps how many steps the tour has.
 */
export function tourTransition(state: TourState, event: TourEvent, steps: number): TourState {
  if (event.type === 'start') return steps > 0 ? { status: 'open', index: 0 } : CLOSED_TOUR;
  if (state.status === 'closed') return state;
  switch (event.type) {
    case 'next':
      return state.index + 1 >= steps ? CLOSED_TOUR : { status: 'open', index: state.index + 1 };
    case 'back':
      return state.index === 0 ? state : { status: 'open', index: state.index - 1 };
    case 'skip':
      return CLOSED_TOUR;
    case 'goto':
      return event.index >= 0 && event.index < steps ? { status: 'open', index: event.index } : state;
  }
}

/** True on the tour's last step (its button reads Finish). */
export function isLastStep(state: TourState, steps: number): boolean {
  return state.status === 'open' && state.index === steps - 1;
}
