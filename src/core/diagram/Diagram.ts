/**
 * A stock-and-flow diagram (the studio's Diagram mode, issue #18): the JSON form a user draws, the LLM
 * may return, and the project file stores. `generateProgram` turns it into a simulator program in the
 * documented form (README, "The simulator form"); `diagramFromProgram` reads small edits back.
 *
 * Names are the identifiers the rate expressions use, so they are JavaScript identifiers, unique across
 * stocks, flows, auxiliaries and parameters. Expressions are strings in the diagram expression language
 * (`parseDiagramExpression`): numbers, names, `action`, arithmetic, comparisons, `?:` and `Math.*`.
 *
 * @example
 * const sir: Diagram = {
 *   format: 'gsim-diagram', version: 1, name: 'SIR',
 *   stocks: [{ name: 'S', kind: 'integer', initial: 990 }, { name: 'I', kind: 'integer', initial: 10 }, { name: 'R', kind: 'integer', initial: 0 }],
 *   flows: [{ name: 'infection', from: 'S', to: 'I', law: 'binomial', rate: '1 - Math.exp(-beta * I / N)' }],
 *   auxiliaries: [{ name: 'N', expression: 'S + I + R' }],
 *   parameters: [{ name: 'beta', min: 0, max: 2, init: 0.4 }],
 * };
 */
export interface Diagram {
  format: 'gsim-diagram';
  version: 1;
  name?: string;
  stocks: DiagramStock[];
  flows: DiagramFlow[];
  auxiliaries: DiagramAuxiliary[];
  parameters: DiagramParameter[];
  /** What the action means (the number `step` receives; 0 when the environment has none). */
  action?: { description?: string };
}

/** Where a node sits on the canvas; absent nodes are placed by the layout. */
export interface DiagramPosition {
  x: number;
  y: number;
}

/**
 * A state variable. `integer` stocks hold counts (flows into or out of them are whole numbers),
 * `continuous` ones any real. Stocks are non-negative unless `nonNegative: false`: their outflows are
 * then limited to what the stock holds.
 */
export interface DiagramStock {
  name: string;
  kind: 'integer' | 'continuous';
  /** Level in `initialState` (rollouts from scratch); data start states override it. */
  initial: number;
  nonNegative?: boolean;
  /**
   * A conveyor (delay): what flows in leaves through its outflow after `leadTime` steps (truncated,
   * at least 1). The shipments in transit are kept as `[quantity, remaining]` pairs in the hidden state
   * key `queue` (default `<name>__queue`), the form the supply-chain benchmark's `pipeline` uses.
   */
  conveyor?: { leadTime: string; queue?: string };
  description?: string;
  position?: DiagramPosition;
}

/** The stochastic law of one flow's amount per step. */
export type FlowLaw = 'binomial' | 'poisson' | 'negativeBinomial' | 'normal' | 'deterministic' | 'conveyor';

/** The laws, in the order the editor offers them. */
export const FLOW_LAWS: readonly FlowLaw[] = ['binomial', 'poisson', 'negativeBinomial', 'normal', 'deterministic', 'conveyor'];

/** What each law's `rate` means, for labels and generated comments. */
export const LAW_RATE_MEANING: Record<FlowLaw, string> = {
  binomial: 'per-capita probability (each unit of the source moves with it)',
  poisson: 'mean amount per step (Poisson)',
  negativeBinomial: 'mean amount per step (negative binomial with the given dispersion)',
  normal: 'mean amount per step (normal with the given standard deviation, floored at 0)',
  deterministic: 'amount per step',
  conveyor: 'unused: the amount is what completes its lead time in the source conveyor',
};

/**
 * A flow from a stock (or from outside: `from: null`) to a stock (or outside: `to: null`). Its amount
 * is drawn once per step from `law` with the rate expression, evaluated on the levels at the start of
 * the step (all flows see the same start-of-step state).
 */
export interface DiagramFlow {
  name: string;
  from: string | null;
  to: string | null;
  law: FlowLaw;
  rate: string;
  /** Standard deviation expression (law `normal`). */
  sd?: string;
  /** Dispersion k of the negative binomial (variance = mean + mean² / k). */
  dispersion?: string;
  description?: string;
}

/**
 * A named expression (a converter), computed once per step before the flows. With `law: 'poisson'` it
 * is one random draw with that mean instead, so that several flows can share it (demand that is
 * partly sold and partly backordered).
 */
export interface DiagramAuxiliary {
  name: string;
  expression: string;
  law?: 'poisson';
  description?: string;
  position?: DiagramPosition;
}

/** A numerical parameter with its uniform prior bounds (the calibration box). */
export interface DiagramParameter {
  name: string;
  min: number;
  max: number;
  init?: number;
  /** Not calibrated; `init` is used unless an intervention overrides it. */
  fixed?: boolean;
  description?: string;
  position?: DiagramPosition;
}

/** An empty diagram. */
export function emptyDiagram(name?: string): Diagram {
  return { format: 'gsim-diagram', version: 1, ...(name ? { name } : {}), stocks: [], flows: [], auxiliaries: [], parameters: [] };
}
