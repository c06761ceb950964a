import type { WhatIfDocument } from './WhatIf.ts';
import { boundedInt } from './importLimits.ts';
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
  if (!isObj(st)) throw new ProjectFileError(`${path}.settings`, 'expected { rollouts, horizon, seed } numbers');
  // As the panel allows them (ScenarioList): a file cannot ask for a billion rollouts.
  boundedInt(st.rollouts, `${path}.settings.rollouts`, [1, 5000]);
  boundedInt(st.horizon, `${path}.settings.horizon`, [1, 1000]);
  boundedInt(st.seed, `${path}.settings.seed`, [0, 2 ** 32 - 1]);
  const grid = isObj(v.grid) && typeof v.grid.cost === 'string' && typeof v.grid.template === 'string' ? v.grid : null;
  const statusOk = (r: Record<string, unknown>) => ['done', 'failed', 'cancelled'].includes(r.status as string);
  const nums = (x: unknown) => Array.isArray(x) && x.every((n) => typeof n === 'number');
  // Results are derived data: kept only when complete enough for the panel to draw, dropped otherwise.
  const scenarioRun = (r: unknown) =>
    isObj(r) && statusOk(r) && Array.isArray(r.variables) && Array.isArray(r.outcomes) && isObj(r.settings) && isObj(r.params) &&
    r.outcomes.every((o) => isObj(o) && typeof o.name === 'string') ? r : null;
  const policyRun = (r: unknown) =>
    isObj(r) && statusOk(r) && isObj(r.grid) && nums(r.grid.xValues) && nums(r.grid.yValues) && isObj(r.params) &&
    (r.model === null || isObj(r.model)) && (r.truth === null || isObj(r.truth)) ? r : null;
  return {
    scenarios: v.scenarios as WhatIfDocument['scenarios'],
    settings: st as unknown as WhatIfDocument['settings'],
    grid: grid as WhatIfDocument['grid'],
    lastScenarioRun: scenarioRun(v.lastScenarioRun) as WhatIfDocument['lastScenarioRun'],
    lastPolicyRun: policyRun(v.lastPolicyRun) as WhatIfDocument['lastPolicyRun'],
  };
}
