import type { RecordedRequest, ScriptedReply } from './scriptedLlmServer.ts';

/** A correct binomial SIR in the simulator form (what a good model answer looks like). */
export const SIR_PROGRAM = `const parameters = {
  beta:  { min: 0, max: 2, init: 0.4, description: 'transmission rate' },
  gamma: { min: 0, max: 1, init: 0.1, description: 'daily recovery probability' },
};

function step(state, action, params, rng) {
  const { S, I, R } = state;
  const N = S + I + R;
  if (N <= 0) return { S: 0, I: 0, R: 0 };
  const pInf = Math.min(1, Math.max(0, 1 - Math.exp(-params.beta * I / N)));
  const newInf = rng.binomial(S, pInf);
  const newRec = rng.binomial(I, params.gamma);
  return { S: S - newInf, I: I + newInf - newRec, R: R + newRec };
}
`;

/** A structural variant (rate-to-probability recoveries), so a second iteration is new code. */
export const SIR_RATE_PROGRAM = SIR_PROGRAM.replace(
  'const newRec = rng.binomial(I, params.gamma);',
  'const newRec = rng.binomial(I, 1 - Math.exp(-params.gamma));',
);

/** A syntax error on line 8 (a missing closing parenthesis). */
export const SYNTAX_ERROR_PROGRAM = SIR_PROGRAM.replace('const N = S + I + R;', 'const N = (S + I + R;');

/** Parses and compiles, but every step throws (at line 9). */
export const THROWING_PROGRAM = SIR_PROGRAM.replace('const N = S + I + R;', "const N = S + I + R;\n  if (N > 0) throw new Error('compartment bookkeeping failed');");

/** Runs, but returns NaN for I. */
export const NAN_PROGRAM = SIR_PROGRAM.replace('I: I + newInf - newRec', 'I: NaN');

/** A typical reflection answer. */
export const FEEDBACK = `1. Keep the binomial infection and recovery draws: they give the right integer-valued spread.
2. Widen the prior of beta to [0, 3] in case the fitted value sits at a bound.
3. Add an overdispersion parameter on the infection probability.`;

/** A fenced-code answer (no tool call). */
export const FENCED_SIR_ANSWER = `A binomial SIR with a closed population.\n\n\`\`\`js\n${SIR_PROGRAM}\`\`\`\n`;

/**
 * The scenario the e2e server runs: reflection requests (no tools offered) get {@link FEEDBACK}; code
 * requests get the correct SIR program through the tool (or a fenced block when no tools were offered
 * and the last message asks for code).
 */
export function sirScenario(request: RecordedRequest): ScriptedReply {
  const tools = request.body.tools as unknown[] | undefined;
  if (tools && tools.length > 0) return { kind: 'tool', code: SIR_PROGRAM, description: 'Binomial SIR with a closed population', chunkSize: 48 };
  const messages = (request.body.messages as { content?: unknown }[] | undefined) ?? [];
  const last = messages[messages.length - 1];
  const asksForCode = typeof last?.content === 'string' && /generating code for iteration|complete program in one/.test(last.content);
  return asksForCode ? { kind: 'text', text: FENCED_SIR_ANSWER, chunkSize: 48 } : { kind: 'text', text: FEEDBACK, chunkSize: 32 };
}
