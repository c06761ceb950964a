import type { ToolDefinition } from './ToolDefinition.ts';

/** A simulator program the model submitted, with its own one-line description of the model. */
export interface SubmittedCode {
  code: string;
  description: string;
}

/** Name of the code-submission function (HDTwinGen's `complete_StateDifferential_code`, paper notes §4.7). */
export const SUBMIT_CODE_TOOL_NAME = 'submit_simulator_code';

/**
 * The function the model calls to hand in a program: the complete source and a concise description,
 * which becomes the "Model description" of later history lines (paper notes §4.7).
 */
export const SUBMIT_CODE_TOOL: ToolDefinition = {
  name: SUBMIT_CODE_TOOL_NAME,
  description: 'Submit the complete JavaScript simulator program (parameters declaration and step function) and a concise description of the model.',
  parameters: {
    type: 'object',
    properties: {
      code: {
        type: 'string',
        description: 'The complete simulator program in the simulator form: `const parameters = {...}` and `function step(state, action, params, rng)`, with no placeholders.',
      },
      description: {
        type: 'string',
        description: 'A concise description of the model: its compartments or submodules and the random processes it uses.',
      },
    },
    required: ['code', 'description'],
    additionalProperties: false,
  },
};

/**
 * Reads the JSON arguments of a `submit_simulator_code` call (OpenAI sends a JSON string, Anthropic an
 * object). `description` is optional in practice (models omit it); `code` must be a non-empty string.
 * @param args the raw arguments: a JSON string, or an already-parsed object.
 * @returns the submission, or an error message written for the model.
 */
export function parseSubmitCodeArguments(args: unknown): { ok: true; value: SubmittedCode } | { ok: false; error: string } {
  let value = args;
  if (typeof args === 'string') {
    try {
      value = JSON.parse(args);
    } catch (e) {
      return { ok: false, error: `the ${SUBMIT_CODE_TOOL_NAME} arguments were not valid JSON (${(e as Error).message})` };
    }
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { ok: false, error: `the ${SUBMIT_CODE_TOOL_NAME} arguments must be an object with "code" and "description"` };
  }
  const { code, description } = value as Record<string, unknown>;
  if (typeof code !== 'string' || code.trim() === '') {
    return { ok: false, error: `the ${SUBMIT_CODE_TOOL_NAME} call had no "code" string` };
  }
  return { ok: true, value: { code, description: typeof description === 'string' ? description.trim() : '' } };
}
