import type { ChatMessage } from './ChatProvider.ts';
import { codeRequestPrompt } from './codeRequestPrompt.ts';
import type { IterationRecord } from './GsimLoop.ts';
import { reflectionPrompt } from './reflectionPrompt.ts';
import { systemPrompt, type ToolMode } from './systemPrompt.ts';
import { taskPrompt, type TrainingDataSummary } from './taskPrompt.ts';

/** What every conversation of a run shares. */
export interface ConversationContext {
  knowledge: string;
  variables: readonly string[];
  data?: TrainingDataSummary;
  totalIterations: number;
  topK: number;
  toolMode: ToolMode;
}

/**
 * The opening of the conversation that produces iteration `iteration`: the system prompt and the task
 * prompt (paper notes §4.7, turn 1). The first iteration's code is asked for right here.
 */
export function openingMessages(ctx: ConversationContext, iteration: number): ChatMessage[] {
  return [
    { role: 'system', content: systemPrompt(ctx.toolMode) },
    {
      role: 'user',
      content: taskPrompt({ knowledge: ctx.knowledge, variables: ctx.variables, data: ctx.data, iteration, totalIterations: ctx.totalIterations }),
    },
  ];
}

/**
 * The reflection request for iteration `iteration` (turn 2): opening + reflection prompt over the
 * records so far. Sent without tools, so the answer is prose.
 */
export function reflectionMessages(ctx: ConversationContext, records: readonly IterationRecord[], iteration: number): ChatMessage[] {
  return [
    ...openingMessages(ctx, iteration),
    { role: 'user', content: reflectionPrompt({ records, topK: ctx.topK, iteration, totalIterations: ctx.totalIterations }) },
  ];
}

/**
 * The code request for iteration `iteration` (turn 3): the reflection conversation, the model's
 * feedback as its own turn, then the request to regenerate the code with it.
 */
export function codeRequestMessages(
  ctx: ConversationContext, records: readonly IterationRecord[], feedback: string, iteration: number,
): ChatMessage[] {
  return [
    ...reflectionMessages(ctx, records, iteration),
    { role: 'assistant', content: feedback },
    {
      role: 'user',
      content: codeRequestPrompt({
        latest: records[records.length - 1], variables: ctx.variables, iteration, totalIterations: ctx.totalIterations, toolMode: ctx.toolMode,
      }),
    },
  ];
}
