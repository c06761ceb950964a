import { describe, expect, it } from 'vitest';
import { diagramFromProgram } from './diagramFromProgram.ts';
import { SIR_DIAGRAM, SUPPLY_CHAIN_DIAGRAM } from './exampleDiagrams.ts';
import { generateProgram } from './generateProgram.ts';

const code = generateProgram(SIR_DIAGRAM);

describe('diagramFromProgram', () => {
  it('reads the unedited program as the same diagram, comments and layout ignored', () => {
    const reformatted = code.replace(/\/\/[^\n]*\n/g, '\n').replace(/ {2}/g, '\t');
    expect(diagramFromProgram(reformatted, SIR_DIAGRAM)).toEqual({ ok: true, diagram: SIR_DIAGRAM, changed: false });
  });

  it('reads back a changed rate expression', () => {
    const edited = code.replace('const recovery__rate = gamma;', 'const recovery__rate = 1 - Math.exp(-gamma);');
    const r = diagramFromProgram(edited, SIR_DIAGRAM);
    expect(r.ok && r.diagram.flows[1].rate).toBe('1 - Math.exp(-gamma)');
    expect(r.ok && r.changed).toBe(true);
  });

  it('reads back changed bounds, init and description, and an auxiliary', () => {
    const edited = code
      .replace('beta: { min: 0, max: 2, init: 0.4, description: "transmission rate" }', "beta: { min: 0.1, max: 3, init: 0.5, description: 'contacts × infectivity' }")
      .replace('const N = S + I + R;', 'const N = Math.max(1, S + I + R);');
    const r = diagramFromProgram(edited, SIR_DIAGRAM);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.diagram.parameters[0]).toEqual({ name: 'beta', min: 0.1, max: 3, init: 0.5, description: 'contacts × infectivity' });
    expect(r.diagram.auxiliaries[0].expression).toBe('Math.max(1, S + I + R)');
  });

  it('reads back a renamed parameter, renaming its uses in the diagram', () => {
    const edited = code.replace(/\bbeta\b/g, 'transmission');
    const r = diagramFromProgram(edited, SIR_DIAGRAM);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.diagram.parameters.map((p) => p.name)).toEqual(['transmission', 'gamma']);
    expect(r.diagram.flows[0].rate).toBe('1 - Math.exp(-transmission * I / N)');
  });

  it('reads back a conveyor lead time', () => {
    const supply = generateProgram(SUPPLY_CHAIN_DIAGRAM);
    const edited = supply.replace('Math.trunc(lead_time)', 'Math.trunc(lead_time + 1)');
    const r = diagramFromProgram(edited, SUPPLY_CHAIN_DIAGRAM);
    expect(r.ok && r.diagram.stocks[2].conveyor?.leadTime).toBe('lead_time + 1');
  });

  it('reads back the mean of a Poisson auxiliary', () => {
    const supply = generateProgram(SUPPLY_CHAIN_DIAGRAM);
    const edited = supply.replace('rng.poisson(positive(demand_rate))', 'rng.poisson(positive(demand_rate * 1.1))');
    const r = diagramFromProgram(edited, SUPPLY_CHAIN_DIAGRAM);
    expect(r.ok && r.diagram.auxiliaries[0]).toMatchObject({ name: 'demand', law: 'poisson', expression: 'demand_rate * 1.1' });
  });

  it('lets the code lead after an edit the generator would not write, naming the line', () => {
    const edited = code.replace('R: R + recovery,', 'R: R + recovery + 1,');
    const line = edited.split('\n').findIndex((l) => l.includes('R + recovery + 1')) + 1;
    expect(diagramFromProgram(edited, SIR_DIAGRAM)).toEqual({
      ok: false,
      reason: `line ${line} changes more than rates, auxiliaries, lead times and parameters, which is all the diagram reads back`,
    });
  });

  it('lets the code lead when a parameter is added in code, or the program does not parse', () => {
    const added = code.replace('const parameters = {', 'const parameters = {\n  delta: { min: 0, max: 1 },');
    expect(diagramFromProgram(added, SIR_DIAGRAM)).toEqual({ ok: false, reason: 'parameters were added in code; add or remove them in the diagram instead' });
    const broken = diagramFromProgram(code.replace('function step(', 'function step(('), SIR_DIAGRAM);
    expect(broken.ok).toBe(false);
    expect(!broken.ok && broken.reason).toMatch(/^the program does not parse \(/);
  });
});
