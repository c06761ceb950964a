import { SUBMIT_CODE_TOOL_NAME } from './submitCodeTool.ts';

/**
 * How the model hands in code: through the `submit_simulator_code` function (`auto`: offered, `required`:
 * forced) or, for servers without function calling, as a fenced ```js block (`none`).
 */
export type ToolMode = 'auto' | 'required' | 'none';

/**
 * The system prompt: the paper's (App. E.4, HDTwinGen lineage, paper notes §4.6–4.7) adapted to
 * JavaScript and to this project's simulator form.
 * @param toolMode how code is submitted; changes only the last paragraph.
 * @example
 * const messages = [{ role: 'system', content: systemPrompt('auto') }, { role: 'user', content: task }];
 */
export function systemPrompt(toolMode: ToolMode): string {
  const submit =
    toolMode === 'none'
      ? 'Whenever you write code, reply with the complete program in one fenced ```js code block.'
      : `Whenever you write code, submit it by calling the function ${SUBMIT_CODE_TOOL_NAME} with the complete program and a concise description of the model. If you cannot call functions, reply with the complete program in one fenced \`\`\`js code block instead.`;
  return [
    'Objective: write code for an accurate and realistic simulator of a given system, in JavaScript. The code must be complete and fully functional, with no placeholders.',
    'You act autonomously: nobody will answer questions. Always write out the complete program, never a diff or an excerpt, and keep improving it from one iteration to the next.',
    'You cannot see plots or any graphical output, only the numbers you are given.',
    submit,
  ].join('\n\n');
}
