import type { ChatProvider } from '../core/llm/ChatProvider.ts';
import { createAnthropicProvider } from './createAnthropicProvider.ts';
import { createOpenAiProvider, type OpenAiProviderOptions } from './createOpenAiProvider.ts';
import type { ProviderOptions } from './providerOptions.ts';

/** Which API a provider speaks: OpenAI chat completions (OpenAI and compatible servers) or Anthropic messages. */
export type ProviderKind = 'openai' | 'anthropic';

/** Settings as the studio's settings panel and the CLI's flags hold them. */
export type ChatProviderConfig = ({ kind: 'openai' } & OpenAiProviderOptions) | ({ kind: 'anthropic' } & ProviderOptions);

/**
 * The provider for a configuration, so the studio and the CLI pick one from a setting instead of
 * importing both factories. Neither SDK is loaded until the first request.
 * @example
 * const provider = createChatProvider({ kind: 'openai', apiKey, baseURL: 'http://127.0.0.1:8000/v1' });
 */
export function createChatProvider(config: ChatProviderConfig): ChatProvider {
  switch (config.kind) {
    case 'openai':
      return createOpenAiProvider(config);
    case 'anthropic':
      return createAnthropicProvider(config);
    default:
      throw new Error(`createChatProvider: unknown provider kind ${JSON.stringify((config as { kind: unknown }).kind)}: expected openai or anthropic`);
  }
}
