import type { ChatProvider, ChatResponse } from '../../core/llm/ChatProvider.ts';
import { LlmError } from '../../core/llm/LlmError.ts';
import type { RecordedReply } from '../../core/llm/replayProvider.ts';
import { studioStore } from '../store/studioStore.ts';
import { appendReply } from './recordingTransitions.ts';

/** The provider a replay feeds the loop (null when no replay runs the loop). */
let replaying: ChatProvider | null = null;

/** Makes the next loop runs use `provider` (a replay), or the configured model again with null. */
export function setReplayProvider(provider: ChatProvider | null): void {
  replaying = provider;
}

/** True while a replay drives the loop: it needs no API key then. */
export function isReplayingLoop(): boolean {
  return replaying !== null;
}

function record(reply: RecordedReply): void {
  studioStore.setState((s) => (s.recording ? { recording: appendReply(s.recording, reply) } : {}));
}

/**
 * The provider of one loop run: the replay's while a replay runs, else the configured model's (made
 * by `real`, so its SDK loads only then), with every answer and typed failure recorded into the
 * project's session in order. The user's own cancel (`aborted`) is not an answer and is not recorded.
 */
export function loopProvider(real: () => ChatProvider): ChatProvider {
  if (replaying) return replaying;
  const provider = real();
  return {
    async complete(request, handlers) {
      try {
        const response = await provider.complete(request, handlers);
        // A JSON copy: the recording must survive IndexedDB and the export unchanged.
        record({ response: JSON.parse(JSON.stringify(response)) as ChatResponse });
        return response;
      } catch (e) {
        if (e instanceof LlmError && e.code !== 'aborted') record({ error: e.toJSON() });
        throw e;
      }
    },
  };
}
