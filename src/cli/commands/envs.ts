import { listEnvironments } from '../../core/envs/environments.ts';
import { compileSimulator } from '../../core/sim/compileSimulator.ts';
import type { Command } from '../Command.ts';
import { fmt, table } from '../formatText.ts';
import { parseFlags } from '../parseFlags.ts';

const USAGE = `Usage: gsim envs [--json]

Lists the built-in environments: id, title, observed variables, horizon, and each ground-truth
parameter with its bounds (the calibration box and prior) and true value.`;

/** `gsim envs`: the built-in benchmark environments. */
export const envsCommand: Command = {
  usage: USAGE,
  async run(ctx) {
    parseFlags('envs', ctx.argv, {});
    const environments = listEnvironments().map((env) => ({
      id: env.id,
      title: env.title,
      variables: [...env.variables],
      horizon: env.horizon,
      parameters: compileSimulator(env.groundTruthSource).parameters.map((p) => ({
        name: p.name,
        min: p.min,
        max: p.max,
        trueValue: env.trueParams[p.name],
        description: p.description,
      })),
    }));
    const text = environments
      .map((e) =>
        [
          `${e.id} — ${e.title}`,
          `  variables: ${e.variables.join(', ')}   horizon: ${e.horizon} steps`,
          table(
            ['parameter', 'min', 'max', 'true', 'description'],
            e.parameters.map((p) => [p.name, fmt(p.min), fmt(p.max), fmt(p.trueValue), p.description ?? '']),
          )
            .split('\n')
            .map((l) => '  ' + l)
            .join('\n'),
        ].join('\n'),
      )
      .join('\n\n');
    return { json: { environments }, text };
  },
};
