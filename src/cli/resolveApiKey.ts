import type { ProviderKind } from '../llm/createChatProvider.ts';
import { usageError } from './CliError.ts';

/** The environment variable each provider's key is read from unless `--key-env` names another. */
export const DEFAULT_KEY_ENV: Record<ProviderKind, string> = { openai: 'OPENAI_API_KEY', anthropic: 'ANTHROPIC_API_KEY' };

/**
 * Sent to a local OpenAI-compatible server when no key is set: such servers ignore the key, but the SDK
 * refuses to send a request without one.
 */
export const PLACEHOLDER_API_KEY = 'no-key';

/**
 * The API key for `gsim loop`, read from the environment only (a key on the command line would land in
 * the shell history and the process list). `--key-env NAME` must be set when given; otherwise the
 * provider's default variable is used, and when that is unset too a `--base-url` (a local server) gets
 * {@link PLACEHOLDER_API_KEY}.
 * @param env the process environment.
 * @throws CliError (usage, exit 2) naming the variable to set; never containing the key.
 * @example
 * resolveApiKey('openai', undefined, 'http://127.0.0.1:8000/v1', {}); // { apiKey: 'no-key', source: 'none (local server)' }
 */
export function resolveApiKey(
  provider: ProviderKind,
  keyEnv: string | undefined,
  baseURL: string | undefined,
  env: Readonly<Record<string, string | undefined>>,
): { apiKey: string; source: string } {
  if (keyEnv !== undefined) {
    const v = env[keyEnv];
    if (!v) throw usageError(`--key-env ${keyEnv}: the environment variable ${keyEnv} is not set (or empty)`);
    return { apiKey: v, source: keyEnv };
  }
  const name = DEFAULT_KEY_ENV[provider];
  const v = env[name];
  if (v) return { apiKey: v, source: name };
  if (baseURL !== undefined) return { apiKey: PLACEHOLDER_API_KEY, source: 'none (local server)' };
  throw usageError(
    `no API key: set ${name} in the environment (or name another variable with --key-env NAME), or give --base-url for a local server that needs no key`,
  );
}
