import type { WhatIfDocument } from './WhatIf.ts';
import { ProjectFileError } from './ProjectFileError.ts';

const isObj = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * The What-if document of an imported project file, checked for the shape the panel relies on
 * (scenario rows, settings numbers); the last results are kept only when they look complete.
 * @throws ProjectFileError naming the path of a malformed part.
 */
export function readWhatIf(v: unknown, path: string): WhatIfDocument {
  if (!isObj(v)) throw new ProjectFileError(path, 'expected an object');
  if (!Array.isArray(v.scenarios)) throw new ProjectFileError(`${path}.scenarios`, 'expected a list of scenarios');
  v.scenarios.forEach((s, i) => {
    if (!isObj(s) || typeof s.id !== 'string' || typeof s.name !== 'string' || !Array.isArray(s.interventions)) {
      throw new ProjectFileError(`${path}.scenarios[${i}]`, 'expected { id, name, interventions: [...] }');
    }
  });
  const st = v.settings;
  if (!isObj(st) || !['rollouts', 'horizon', 'seed'].every((k) => typeof st[k] === 'number')) {
    throw new ProjectFileError(`${path}.settings`, 'expected { rollouts, horizon, seed } numbers');
  }
  const grid = isObj(v.grid) && typeof v.grid.cost === 'string' && typeof v.grid.template === 'string' ? v.grid : null;
  const run = (r: unknown) => (isObj(r) && typeof r.status === 'string' ? r : null);
  return {
    scenarios: v.scenarios as WhatIfDocument['scenarios'],
    settings: st as unknown as WhatIfDocument['settings'],
    grid: grid as WhatIfDocument['grid'],
    lastScenarioRun: run(v.lastScenarioRun) as WhatIfDocument['lastScenarioRun'],
    lastPolicyRun: run(v.lastPolicyRun) as WhatIfDocument['lastPolicyRun'],
  };
}
