import { useEffect, useLayoutEffect, useRef, useState, type CSSProperties } from 'react';
import { useStudio } from '../store/useStudio.ts';
import { tourEvent } from './tourActions.ts';
import { isLastStep } from './tourMachine.ts';
import { TOUR_STEPS } from './tourSteps.ts';

type Rect = { top: number; left: number; width: number; height: number };

const POPOVER_WIDTH = 380;
const GAP = 10;

/** Where the anchor is now (it may appear late: panels load lazily), or null. */
function anchorRect(testId: string | undefined): Rect | null {
  if (!testId) return null;
  const el = document.querySelector(`[data-testid="${testId}"]`);
  if (!el) return null;
  const r = el.getBoundingClientRect();
  if (r.width === 0 && r.height === 0) return null;
  return { top: r.top, left: r.left, width: r.width, height: r.height };
}

/**
 * The guided tour's popover: anchored under (or over) the control of the step with a highlight ring,
 * centred when the step has no anchor. Next / Back / Skip; Esc closes; focus moves to the popover on
 * every step and returns where it was when the tour ends.
 */
export function TourPopover() {
  const tour = useStudio((s) => s.tour);
  const [rect, setRect] = useState<Rect | null>(null);
  const [height, setHeight] = useState(200);
  const boxRef = useRef<HTMLDivElement>(null);
  const nextRef = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef<HTMLElement | null>(null);
  const open = tour.status === 'open';
  const index = open ? tour.index : -1;
  const step = open ? TOUR_STEPS[index] : null;

  // Follow the anchor: it can move (layout, scrolling) or appear late (lazy panels).
  useLayoutEffect(() => {
    if (!step) return;
    let frame = 0;
    let last = '';
    let scrolled = false;
    const tick = () => {
      const el = step.anchor ? document.querySelector(`[data-testid="${step.anchor}"]`) : null;
      if (el && !scrolled) {
        // Bring the control into view once per step (it may sit below the fold, e.g. the animation card).
        scrolled = true;
        el.scrollIntoView({ block: 'center', behavior: 'smooth' });
      }
      const r = anchorRect(step.anchor);
      const key = JSON.stringify(r);
      if (key !== last) {
        last = key;
        setRect(r);
      }
      if (boxRef.current) setHeight(boxRef.current.offsetHeight);
      frame = window.setTimeout(tick, 150);
    };
    tick();
    return () => clearTimeout(frame);
  }, [step]);

  useEffect(() => {
    if (!open) {
      returnFocus.current?.focus?.();
      returnFocus.current = null;
      return;
    }
    if (!returnFocus.current && document.activeElement instanceof HTMLElement && !boxRef.current?.contains(document.activeElement)) {
      returnFocus.current = document.activeElement;
    }
    nextRef.current?.focus();
  }, [open, index]);

  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        e.preventDefault();
        tourEvent({ type: 'skip' });
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [open]);

  if (!step) return null;
  const last = isLastStep(tour, TOUR_STEPS.length);
  const vw = window.innerWidth;
  const vh = window.innerHeight;
  let style: CSSProperties;
  if (rect) {
    const below = rect.top + rect.height + GAP;
    const above = rect.top - GAP - height;
    const left = Math.min(Math.max(8, rect.left + rect.width / 2 - POPOVER_WIDTH / 2), vw - POPOVER_WIDTH - 8);
    if (below + height < vh - 8) style = { top: below, left, width: POPOVER_WIDTH };
    else if (above >= 8) style = { top: above, left, width: POPOVER_WIDTH };
    // A tall anchor (a whole card): the popover sits in the corner over it, the ring still shows it.
    else style = { top: Math.max(8, vh - height - 48), left: vw - POPOVER_WIDTH - 24, width: POPOVER_WIDTH };
  } else {
    style = { top: Math.max(8, vh / 2 - height / 2), left: Math.max(8, vw / 2 - POPOVER_WIDTH / 2), width: POPOVER_WIDTH };
  }

  return (
    <>
      {rect && <div className="tour-ring" aria-hidden="true" style={{ top: rect.top - 4, left: rect.left - 4, width: rect.width + 8, height: rect.height + 8 }} />}
      <div ref={boxRef} className="tour-popover" role="dialog" aria-modal="false" aria-labelledby="tour-title" aria-describedby="tour-why" data-testid="tour.popover" data-step={step.id} style={style}>
        <div className="tour-count text-small muted">
          Step {index + 1} of {TOUR_STEPS.length}
        </div>
        <h3 id="tour-title">{step.title}</h3>
        <p id="tour-why" className="tour-why">
          <strong>Why: </strong>
          {step.why}
        </p>
        {step.hint && <p className="text-small muted">{step.hint}</p>}
        <div className="row tour-buttons">
          <button className="btn ghost" type="button" data-testid="tour.skip" onClick={() => tourEvent({ type: 'skip' })}>
            Skip tour
          </button>
          <span className="spacer" />
          <button className="btn" type="button" data-testid="tour.back" disabled={index === 0} onClick={() => tourEvent({ type: 'back' })}>
            Back
          </button>
          <button ref={nextRef} className="btn primary" type="button" data-testid="tour.next" onClick={() => tourEvent({ type: 'next' })}>
            {last ? 'Finish' : 'Next'}
          </button>
        </div>
      </div>
    </>
  );
}
