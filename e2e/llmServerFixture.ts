import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startScriptedLlmServer, type Script, type ScriptedLlmServer, type ScriptedReply } from '../tests/llm/scriptedLlmServer.ts';
import { SIR_RATE_PROGRAM, sirScenario } from '../tests/llm/scriptedPrograms.ts';

/** A scripted OpenAI-compatible server the browser can call (through a CORS front), both on 127.0.0.1. */
export interface BrowserLlmServer {
  /** What the studio's settings take: `http://127.0.0.1:PORT/v1`. */
  baseURL: string;
  server: ScriptedLlmServer;
  close(): Promise<void>;
}

/**
 * The e2e scenario: `sirScenario` streamed slowly enough to watch (24-character chunks, 40 ms apart);
 * the first code request gets the binomial SIR, later ones the rate-based variant, so the second
 * iteration is new code that is calibrated again.
 */
function e2eScript() {
  let codeRequests = 0;
  return (req: Parameters<typeof sirScenario>[0]): ScriptedReply => {
    const reply = sirScenario(req);
    if (reply.kind === 'tool') {
      codeRequests++;
      const code = codeRequests === 1 ? reply.code : SIR_RATE_PROGRAM;
      const description = codeRequests === 1 ? reply.description : 'SIR with rate-based recoveries (1 - exp(-gamma))';
      return { ...reply, code, description, chunkSize: 24, delayMs: 40 };
    }
    return reply.kind === 'text' ? { ...reply, chunkSize: 24, delayMs: 15 } : reply;
  };
}

/**
 * Starts the scripted server and a pass-through front that answers CORS preflights, as hosted APIs do
 * for browser clients (the studio calls the provider straight from the page, another origin).
 */
export async function startBrowserLlmServer(script: Script = e2eScript()): Promise<BrowserLlmServer> {
  const server = await startScriptedLlmServer({ script });
  const target = new URL(server.origin);
  const front: Server = createServer((req, res) => {
    const origin = req.headers.origin ?? '*';
    const cors = { 'access-control-allow-origin': origin, vary: 'origin' };
    if (req.method === 'OPTIONS') {
      res.writeHead(204, {
        ...cors,
        'access-control-allow-methods': 'POST, GET, OPTIONS',
        'access-control-allow-headers': req.headers['access-control-request-headers'] ?? '*',
        'access-control-max-age': '600',
      });
      res.end();
      return;
    }
    const upstream = request(
      { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: { ...req.headers, host: target.host } },
      (up) => {
        res.writeHead(up.statusCode ?? 502, { ...up.headers, ...cors, 'access-control-expose-headers': '*' });
        up.pipe(res);
      },
    );
    upstream.on('error', () => res.destroy());
    res.on('close', () => !res.writableEnded && upstream.destroy()); // the browser went away (abort)
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => front.listen(0, '127.0.0.1', resolve));
  const { port } = front.address() as AddressInfo;
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    server,
    async close() {
      front.closeAllConnections();
      await new Promise<void>((resolve) => front.close(() => resolve()));
      await server.close();
    },
  };
}

/**
 * The worker-scoped Playwright fixture: one scripted OpenAI-compatible server per Playwright worker,
 * bound to 127.0.0.1 and closed when the worker ends. Use as `base.extend<…, { llm }>({ llm: llmServerFixture })`.
 */
export const llmServerFixture: [(args: object, use: (llm: BrowserLlmServer) => Promise<void>) => Promise<void>, { scope: 'worker' }] = [
  // Playwright reads the fixture's dependencies from this destructuring: it must stay `{}`.
  async ({}, use) => {
    const llm = await startBrowserLlmServer();
    await use(llm);
    await llm.close();
  },
  { scope: 'worker' },
];
