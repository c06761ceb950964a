import { describe, expect, it } from 'vitest';
import { locateError } from './locateError.ts';

const SRC = `const parameters = {
  beta: { min: 0, max: 2 },
  gamma: { min: 1, max: 0 },
};

function step(state, action, params, rng) {
  return state;
}
`;

describe('locateError', () => {
  it('uses the position the compiler gave', () => {
    expect(locateError({ code: 'syntax', message: 'x', line: 4, column: 2 }, SRC, 'compile')).toMatchObject({ line: 4, column: 2 });
  });

  it('parses "at line L, column C" from a worker message', () => {
    expect(locateError('step threw TypeError: boom at line 7, column 10', SRC, 'runtime')).toMatchObject({ line: 7, column: 10, source: 'runtime' });
  });

  it('points a parameter definition error at that parameter', () => {
    expect(locateError({ code: 'definition', message: 'parameters.gamma: min (1) must be below max (0)' }, SRC, 'compile')).toMatchObject({ line: 3, column: 3 });
  });

  it('points a step error without position at the step function, else line 1', () => {
    expect(locateError('step returned a state without "S"', SRC, 'runtime').line).toBe(6);
    expect(locateError('something odd', SRC, 'compile').line).toBe(1);
  });
});
