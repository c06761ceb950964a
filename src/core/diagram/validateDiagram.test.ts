import { describe, expect, it } from 'vitest';
import { checkDiagram } from './checkDiagram.ts';
import type { Diagram } from './Diagram.ts';
import { BIRTH_DEATH_DIAGRAM, SIR_DIAGRAM, SIRD_DIAGRAM, SUPPLY_CHAIN_DIAGRAM } from './exampleDiagrams.ts';
import { validateDiagram, type DiagramIssue } from './validateDiagram.ts';

function errorsOf(input: unknown): DiagramIssue[] {
  const v = validateDiagram(input);
  return v.ok ? [] : v.errors;
}

const sir = (): Diagram => structuredClone(SIR_DIAGRAM);

describe('validateDiagram', () => {
  it('accepts the example diagrams', () => {
    for (const d of [SIR_DIAGRAM, SIRD_DIAGRAM, BIRTH_DEATH_DIAGRAM, SUPPLY_CHAIN_DIAGRAM]) expect(errorsOf(d)).toEqual([]);
  });

  it('reports every shape error with its path', () => {
    expect(errorsOf([])).toEqual([{ path: '', message: 'expected a diagram object, got a list' }]);
    const errors = errorsOf({
      format: 'gsim-diagram',
      version: 2,
      stocks: [{ name: 'S', kind: 'real', initial: 'ten' }],
      flows: [{ name: 'f', from: 'S', to: null, law: 'gaussian', rate: 1 }],
      auxiliaries: 'none',
      parameters: [{ name: 'p', min: 0, max: Infinity }],
    });
    expect(errors).toEqual([
      { path: 'version', message: 'expected 1, got 2' },
      { path: 'stocks[0].kind', message: 'expected "integer" or "continuous", got "real"' },
      { path: 'stocks[0].initial', message: 'expected a finite number, got "ten"' },
      { path: 'flows[0].law', message: 'expected one of binomial, poisson, negativeBinomial, normal, deterministic, conveyor, got "gaussian"' },
      { path: 'auxiliaries', message: 'expected a list, got "none"' },
      { path: 'parameters[0].max', message: 'expected a finite number, got Infinity' },
    ]);
  });

  it.each<[string, (d: Diagram) => void, DiagramIssue]>([
    ['an undefined name in a rate', (d) => (d.flows[0].rate = 'bta * I / N'), { path: 'flows[0].rate', message: 'unknown name "bta"' }],
    ['a rate that does not parse', (d) => (d.flows[1].rate = 'gamma *'), { path: 'flows[1].rate', message: 'Unexpected token (at character 8)' }],
    ['a call other than Math.*', (d) => (d.auxiliaries[0].expression = 'fetch(S)'), { path: 'auxiliaries[0].expression', message: 'only Math.<function>(…) can be called (at character 1)' }],
    ['property access', (d) => (d.flows[1].rate = 'params.gamma'), { path: 'flows[1].rate', message: 'property access is not allowed (only Math.<function>) (at character 1)' }],
    ['a flow read in a rate', (d) => (d.flows[1].rate = 'infection / 10'), { path: 'flows[1].rate', message: '"infection" is a flow; rates read stocks, auxiliaries, parameters and action, not other flows' }],
    ['a duplicate name', (d) => (d.parameters[1].name = 'beta'), { path: 'parameters[1].name', message: '"beta" is already the name of parameters[0]' }],
    ['a reserved name', (d) => (d.auxiliaries[0].name = 'rng'), { path: 'auxiliaries[0].name', message: '"rng" is reserved (JavaScript or the simulator form); choose another name' }],
    ['a generator name', (d) => (d.parameters[0].name = 'infection__rate'), { path: 'parameters[0].name', message: '"infection__rate" contains "__", which the generated program keeps for its own variables' }],
    ['a flow to a missing stock', (d) => (d.flows[1].to = 'Q'), { path: 'flows[1].to', message: 'no stock is named "Q"' }],
    ['a binomial inflow from outside', (d) => (d.flows[0].from = null), { path: 'flows[0].law', message: 'a binomial flow moves units of its source stock: draw it from a stock, or use poisson for an inflow from outside' }],
    ['a flow with no stock', (d) => ((d.flows[1].from = null), (d.flows[1].to = null), (d.flows[1].law = 'poisson')), { path: 'flows[1]', message: 'a flow needs a stock at one end at least' }],
    ['a normal flow without sd', (d) => (d.flows[1].law = 'normal'), { path: 'flows[1].sd', message: 'a normal flow needs a standard deviation expression' }],
    ['bounds out of order', (d) => (d.parameters[0].min = 3), { path: 'parameters[0].max', message: 'max (2) is below min (3)' }],
    ['init outside the bounds', (d) => (d.parameters[1].init = 1.5), { path: 'parameters[1].init', message: 'init (1.5) is outside [0, 1]' }],
    ['a fixed parameter without init', (d) => ((d.parameters[1].fixed = true), delete d.parameters[1].init), { path: 'parameters[1].init', message: 'a fixed parameter needs init (the value it keeps)' }],
    ['circular auxiliaries', (d) => d.auxiliaries.push({ name: 'M', expression: 'N + 1' }, { name: 'K', expression: 'M' }) && (d.auxiliaries[0].expression = 'K + S'), { path: 'auxiliaries[0].expression', message: 'auxiliaries depend on each other in a circle: N → K → M → N' }],
    ['a conveyor law out of a plain stock', (d) => (d.flows[1].law = 'conveyor'), { path: 'flows[1].law', message: 'the conveyor law is for the outflow of a conveyor (a stock with a lead time)' }],
  ])('catches %s at its path', (_what, edit, expected) => {
    const d = sir();
    edit(d);
    expect(errorsOf(d)).toContainEqual(expected);
  });
});

describe('checkDiagram', () => {
  it('has no warnings for the SIR, and reports that it conserves S + I + R', () => {
    const c = checkDiagram(SIR_DIAGRAM);
    expect(c.errors).toEqual([]);
    expect(c.warnings).toEqual([]);
    expect(c.conservation).toEqual({ conserved: true, boundaryFlows: [], summary: 'Every flow runs between stocks: S + I + R stays constant.' });
  });

  it('names the flows that change the total', () => {
    expect(checkDiagram(BIRTH_DEATH_DIAGRAM).conservation).toMatchObject({ conserved: false, boundaryFlows: ['births (outside → X)', 'deaths (X → outside)'] });
  });

  it('warns about a probability outside [0, 1] somewhere in the parameter box, naming the corner', () => {
    const d = sir();
    d.flows[1].rate = '2 * gamma';
    expect(checkDiagram(d).warnings).toContainEqual({ path: 'flows[1].rate', message: 'the probability of "recovery" is 2 at beta = 0, gamma = 1 (the program clamps it to [0, 1])' });
  });

  it('warns when competing outflow probabilities can add up to more than 1', () => {
    const d = structuredClone(SIRD_DIAGRAM);
    expect(checkDiagram(d).warnings).toContainEqual({
      path: 'stocks[1]',
      message: 'the outflow probabilities of "I" add up to 1.5 at beta = 0, gamma = 1, mu = 0.5; the later outflows then get less than their share',
    });
  });

  it('warns about an outflow that can take more than its stock holds, and about a stock that may go negative', () => {
    const d: Diagram = { ...structuredClone(BIRTH_DEATH_DIAGRAM), flows: [{ name: 'harvest', from: 'X', to: null, law: 'poisson', rate: 'lambda' }] };
    expect(checkDiagram(d).warnings).toContainEqual({ path: 'flows[0]', message: '"harvest" can ask for more than "X" holds; the program takes at most what is left, so "X" stays at or above 0' });
    d.stocks[0].nonNegative = false;
    expect(checkDiagram(d).warnings).toContainEqual({ path: 'flows[0]', message: '"harvest" is not limited by what "X" holds, so "X" can go negative (non-negative is off)' });
    // Math.min(stock, …) bounds a deterministic outflow, also through an auxiliary: no warning.
    const capped: Diagram = {
      ...structuredClone(BIRTH_DEATH_DIAGRAM),
      flows: [{ name: 'harvest', from: 'X', to: null, law: 'deterministic', rate: 'cap' }],
      auxiliaries: [{ name: 'cap', expression: 'Math.min(X, lambda)' }],
    };
    expect(checkDiagram(capped).warnings.filter((w) => w.path.startsWith('flows'))).toEqual([]);
    expect(checkDiagram(SUPPLY_CHAIN_DIAGRAM).warnings.map((w) => w.path)).toEqual(['flows[2]']);
  });

  it('warns about untouched stocks and unread parameters', () => {
    const d = sir();
    d.stocks.push({ name: 'V', kind: 'integer', initial: 0 });
    d.parameters.push({ name: 'unused', min: 0, max: 1 });
    const { warnings } = checkDiagram(d);
    expect(warnings).toContainEqual({ path: 'stocks[3]', message: 'no flow touches "V": it keeps its level for ever' });
    expect(warnings).toContainEqual({ path: 'parameters[2]', message: 'nothing reads "unused": calibration cannot learn it' });
  });
});
