import type { IterationRecord } from './GsimLoop.ts';
import { SUBMIT_CODE_TOOL_NAME } from './submitCodeTool.ts';
import type { ToolMode } from './systemPrompt.ts';

/** Inputs of {@link codeRequestPrompt}. */
export interface CodeRequestPromptInput {
  /** The latest iteration (its failure, if any, is restated so the new code fixes it). */
  latest?: IterationRecord;
  variables: readonly string[];
  iteration: number;
  totalIterations: number;
  toolMode: ToolMode;
}

/**
 * The request for revised code that follows the model's reflection in the same conversation
 * (HDTwinGen's third turn, paper notes §4.7): the feedback is the assistant turn just before it, so the
 * model writes the new program with its own feedback, the top-k programs and the history in view.
 * @example
 * messages.push({ role: 'assistant', content: feedback }, { role: 'user', content: codeRequestPrompt(input) });
 */
export function codeRequestPrompt(input: CodeRequestPromptInput): string {
  const vars = input.variables.map((v) => `\`${v}\``).join(', ');
  const lines = [
    `Now write the improved simulator, applying your feedback above. Write the complete program in the simulator form (every declaration and function body in full, no placeholders), declare every parameter with prior bounds, and return ${vars} in every state.`,
  ];
  const e = input.latest?.error;
  if (e) lines.push(`Remember that the code of iteration ${input.latest!.iteration} failed: ${e.message}. Make sure the new code does not.`);
  lines.push(
    input.toolMode === 'none'
      ? 'Reply with the complete program in one ```js code block.'
      : `Call ${SUBMIT_CODE_TOOL_NAME} with the complete program and a concise description of the model.`,
  );
  lines.push(`You are generating code for iteration ${input.iteration} out of ${input.totalIterations}.`);
  return lines.join('\n\n');
}

/**
 * The follow-up after an answer without usable code: says what was wrong and asks again.
 * @param detail why no code was found (the `no-code` error's detail).
 * @param toolMode how code is submitted.
 */
export function noCodeRetryPrompt(detail: string, toolMode: ToolMode): string {
  const how = toolMode === 'none'
    ? 'Reply with the complete program in one ```js code block.'
    : `Call ${SUBMIT_CODE_TOOL_NAME} with the complete program and a concise description, or reply with the complete program in one \`\`\`js code block.`;
  return `Your answer could not be used: ${detail}. ${how}`;
}
