import type { Diagram } from './Diagram.ts';

/**
 * The COVID benchmark drawn as a diagram: 3 stocks, 2 binomial flows, 2 parameters (and the population
 * N as an auxiliary). With beta 0.5, gamma 0.1 it is the ground truth's model.
 */
export const SIR_DIAGRAM: Diagram = {
  format: 'gsim-diagram',
  version: 1,
  name: 'COVID SIR',
  stocks: [
    { name: 'S', kind: 'integer', initial: 990, description: 'susceptible people' },
    { name: 'I', kind: 'integer', initial: 10, description: 'infected people' },
    { name: 'R', kind: 'integer', initial: 0, description: 'recovered people' },
  ],
  flows: [
    { name: 'infection', from: 'S', to: 'I', law: 'binomial', rate: '1 - Math.exp(-beta * I / N)' },
    { name: 'recovery', from: 'I', to: 'R', law: 'binomial', rate: 'gamma' },
  ],
  auxiliaries: [{ name: 'N', expression: 'S + I + R', description: 'population' }],
  parameters: [
    { name: 'beta', min: 0, max: 2, init: 0.4, description: 'transmission rate' },
    { name: 'gamma', min: 0, max: 1, init: 0.2, description: 'daily recovery probability' },
  ],
};

/**
 * The supply chain drawn with a conveyor: orders (the action) enter the in-transit pipeline and reach
 * the inventory after the lead time. Demand is one Poisson draw (a random auxiliary) shared by two
 * flows: what stock on hand covers is sold, the rest is backordered; the old backlog is served first.
 * Every rate reads the start of the step, so today's deliveries serve customers from tomorrow on (the
 * ground truth lets them serve today): a close, drawable approximation, not the ground truth itself.
 */
export const SUPPLY_CHAIN_DIAGRAM: Diagram = {
  format: 'gsim-diagram',
  version: 1,
  name: 'Supply chain',
  stocks: [
    { name: 'inventory', kind: 'integer', initial: 20, description: 'units on hand' },
    { name: 'backlog', kind: 'integer', initial: 0, description: 'demand owed to customers' },
    { name: 'pipeline_total', kind: 'integer', initial: 0, conveyor: { leadTime: 'lead_time', queue: 'pipeline' }, description: 'units in transit' },
  ],
  flows: [
    { name: 'ordered', from: null, to: 'pipeline_total', law: 'deterministic', rate: 'action' },
    { name: 'delivered', from: 'pipeline_total', to: 'inventory', law: 'conveyor', rate: '0' },
    { name: 'shipped', from: 'inventory', to: null, law: 'deterministic', rate: 'served + sold' },
    { name: 'backordered', from: null, to: 'backlog', law: 'deterministic', rate: 'demand - sold' },
    { name: 'fulfilled', from: 'backlog', to: null, law: 'deterministic', rate: 'served' },
  ],
  auxiliaries: [
    { name: 'demand', expression: 'demand_rate', law: 'poisson', description: "today's customer demand" },
    { name: 'served', expression: 'Math.min(inventory, backlog)', description: 'old backorders served from stock first' },
    { name: 'sold', expression: 'Math.min(inventory - served, demand)', description: "today's demand met from stock" },
  ],
  parameters: [
    { name: 'demand_rate', min: 0, max: 20, init: 4, description: 'mean daily demand' },
    { name: 'lead_time', min: 1, max: 6, init: 3, description: 'delivery lead time in days' },
  ],
  action: { description: 'units ordered today' },
};

/** A birth-death process: Poisson immigration/births from outside, binomial deaths. */
export const BIRTH_DEATH_DIAGRAM: Diagram = {
  format: 'gsim-diagram',
  version: 1,
  name: 'Birth-death',
  stocks: [{ name: 'X', kind: 'integer', initial: 50 }],
  flows: [
    { name: 'births', from: null, to: 'X', law: 'poisson', rate: 'lambda + b * X' },
    { name: 'deaths', from: 'X', to: null, law: 'binomial', rate: 'mu' },
  ],
  auxiliaries: [],
  parameters: [
    { name: 'lambda', min: 0, max: 10, init: 2 },
    { name: 'b', min: 0, max: 0.5, init: 0.05 },
    { name: 'mu', min: 0, max: 1, init: 0.1 },
  ],
};

/** SIRD: recovery and death compete for the infected (a multinomial split). */
export const SIRD_DIAGRAM: Diagram = {
  ...SIR_DIAGRAM,
  name: 'SIRD',
  stocks: [...SIR_DIAGRAM.stocks, { name: 'D', kind: 'integer', initial: 0, description: 'deaths' }],
  flows: [...SIR_DIAGRAM.flows, { name: 'death', from: 'I', to: 'D', law: 'binomial', rate: 'mu' }],
  parameters: [...SIR_DIAGRAM.parameters, { name: 'mu', min: 0, max: 0.5, init: 0.05, description: 'daily death probability' }],
};
