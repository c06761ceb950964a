import { describe, expect, it } from 'vitest';
import type { ChatProvider } from '../../src/core/llm/ChatProvider.ts';
import { LlmError } from '../../src/core/llm/LlmError.ts';
import type { ChatProviderConfig } from '../../src/llm/createChatProvider.ts';
import { createKeyVault, SEAL_WINDOW_MS } from '../../src/llm/createKeyVault.ts';
import type { SealedKey, VaultReply } from '../../src/llm/vaultMessages.ts';

const KEY = 'sk-canary-0123456789abcdef';
const OPENAI = { provider: 'openai', baseURL: 'https://api.example.test/v1' } as const;
const REQUEST = { model: 'm', messages: [{ role: 'user', content: 'hi' }] };

/** A vault with a fake provider that records its configs and echoes the key back in every way it can. */
function vault(answer: (config: ChatProviderConfig) => Promise<string> = async (c) => `echo ${c.apiKey}`, clock = { t: 0 }) {
  const replies: VaultReply[] = [];
  const configs: ChatProviderConfig[] = [];
  const provider = (config: ChatProviderConfig): ChatProvider => ({
    async complete(_req, handlers) {
      configs.push(config);
      handlers?.onToken?.(`token ${config.apiKey}`);
      return { text: await answer(config), toolCall: { code: `// ${config.apiKey}`, description: 'd' } };
    },
  });
  const handle = createKeyVault((r) => replies.push(r), provider, () => clock.t);
  let id = 0;
  const send = async (m: Record<string, unknown>) => {
    const mine = ++id;
    await handle({ id: mine, ...m });
    return replies.filter((r) => r.id === mine);
  };
  return { send, replies, configs };
}

describe('createKeyVault', () => {
  it('sends the key to the provider it was entered for, and never back to the page', async () => {
    const v = vault();
    expect(await v.send({ type: 'set', key: KEY, binding: OPENAI })).toEqual([{ id: 1, type: 'status', status: { held: true, hint: '••••cdef', binding: OPENAI } }]);
    const answer = await v.send({ type: 'complete', binding: OPENAI, request: REQUEST });
    expect(v.configs).toEqual([{ kind: 'openai', apiKey: KEY, baseURL: OPENAI.baseURL }]);
    expect(answer.map((r) => r.type)).toEqual(['token', 'done']);
    expect(JSON.stringify(v.replies)).not.toContain(KEY); // the echoes were masked
    expect(JSON.stringify(answer)).toContain('echo ••••');
  });

  it('refuses to send the key to another server or provider (a page bug pointing it elsewhere)', async () => {
    const v = vault();
    await v.send({ type: 'set', key: KEY, binding: OPENAI });
    for (const binding of [{ provider: 'openai', baseURL: 'https://evil.test/v1' }, { provider: 'anthropic', baseURL: OPENAI.baseURL }, { provider: 'openai', baseURL: '' }]) {
      const [r] = await v.send({ type: 'complete', binding, request: REQUEST });
      expect(r).toMatchObject({ type: 'error', error: { code: 'vault', message: expect.stringContaining('is not sent to') } });
    }
    expect(v.configs).toEqual([]);
  });

  it('uses the placeholder for a local server without a key, and refuses a remote one', async () => {
    const v = vault();
    await v.send({ type: 'complete', binding: { provider: 'openai', baseURL: 'http://127.0.0.1:9/v1' }, request: REQUEST });
    expect(v.configs[0]?.apiKey).toBe('no-key');
    const [r] = await v.send({ type: 'complete', binding: OPENAI, request: REQUEST });
    expect(r).toMatchObject({ type: 'error', error: { message: expect.stringContaining('no API key is set') } });
  });

  it('masks the key in a provider error and refuses a malformed key or request with a clear message', async () => {
    const v = vault(async (c) => Promise.reject(new LlmError('auth', `bad key ${c.apiKey}`, { status: 401 })));
    await v.send({ type: 'set', key: KEY, binding: OPENAI });
    const [, err] = await v.send({ type: 'complete', binding: OPENAI, request: REQUEST });
    expect(err).toMatchObject({ type: 'error', error: { code: 'auth', status: 401 } });
    expect(JSON.stringify(err)).not.toContain(KEY);
    expect((await v.send({ type: 'set', key: 'two words', binding: OPENAI }))[0]).toMatchObject({ error: { message: expect.stringContaining('printable characters without spaces') } });
    expect((await v.send({ type: 'set', key: KEY, binding: { provider: 'x', baseURL: '' } }))[0]).toMatchObject({ error: { message: expect.stringContaining('binding') } });
    expect((await v.send({ type: 'constructor' }))[0]).toMatchObject({ error: { message: expect.stringContaining('unknown request type') } });
  });

  it('forgets the key, and seals it so that only the same PRF output opens it', async () => {
    const prf = crypto.getRandomValues(new Uint8Array(32)).buffer;
    const v = vault();
    await v.send({ type: 'set', key: KEY, binding: OPENAI, remember: true });
    const [sealedReply] = await v.send({ type: 'seal', prf });
    const sealed = (sealedReply as { sealed: SealedKey }).sealed;
    expect(new TextDecoder().decode(sealed.data)).not.toContain(KEY.slice(3));
    expect((await v.send({ type: 'forget' }))[0]).toMatchObject({ status: { held: false, hint: '' } });

    const wrong = await v.send({ type: 'unseal', prf: crypto.getRandomValues(new Uint8Array(32)).buffer, sealed });
    expect(wrong[0]).toMatchObject({ type: 'error', error: { message: expect.stringContaining('did not open') } });
    const tampered = { iv: sealed.iv, data: sealed.data.map((b, i) => (i === 0 ? b ^ 1 : b)) };
    expect((await v.send({ type: 'unseal', prf, sealed: tampered }))[0]).toMatchObject({ type: 'error' });
    expect((await v.send({ type: 'unseal', prf, sealed }))[0]).toMatchObject({ status: { held: true, hint: '••••cdef', binding: OPENAI } });
    await v.send({ type: 'complete', binding: OPENAI, request: REQUEST });
    expect(v.configs.at(-1)?.apiKey).toBe(KEY);
  });

  it('seals a key only once, right after it was entered with "remember" (a page bug cannot seal it under bytes of its own)', async () => {
    const clock = { t: 0 };
    const v = vault(undefined, clock);
    const attackerPrf = new Uint8Array(32).fill(1).buffer;
    await v.send({ type: 'set', key: KEY, binding: OPENAI });
    expect((await v.send({ type: 'seal', prf: attackerPrf }))[0]).toMatchObject({ type: 'error', error: { message: expect.stringContaining('only as it is entered') } });
    await v.send({ type: 'set', key: KEY, binding: OPENAI, remember: true });
    expect((await v.send({ type: 'seal', prf: attackerPrf }))[0]).toMatchObject({ type: 'sealed' }); // the user's own enrolment
    expect((await v.send({ type: 'seal', prf: attackerPrf }))[0]).toMatchObject({ type: 'error' }); // a second seal
    await v.send({ type: 'set', key: KEY, binding: OPENAI, remember: true });
    clock.t += SEAL_WINDOW_MS + 1;
    expect((await v.send({ type: 'seal', prf: attackerPrf }))[0]).toMatchObject({ type: 'error' }); // too late
  });
});
