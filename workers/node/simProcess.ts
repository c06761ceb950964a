// Entry of a Node simulation *process* (one per pool worker), bundled into one file by
// src/sandbox/node/simProcessBundle.ts and started by src/pool/createNodePool.ts under the OS limits of
// src/sandbox/node/isolationCommand.ts. A thin adapter (style P3): the worker API runs whole inside a
// node:vm realm per loaded program (createSandboxedWorkerApi); this file answers the parent's calls over
// the IPC channel, the only way in or out of this process. The protocol is processProtocol.ts.
import { createSandboxedWorkerApi } from '../../src/sandbox/node/createSandboxedWorkerApi.ts';
import { guardWorkerProcess } from '../../src/sandbox/node/guardWorkerProcess.ts';
import type { ParentMessage } from '../../src/sandbox/node/processProtocol.ts';

guardWorkerProcess();
if (typeof process.send !== 'function') throw new Error('workers/node/simProcess.ts must run as a child process with an IPC channel');
const send = process.send.bind(process);
// The parent gone (gsim crashed or was killed): nothing is left to answer to.
process.on('disconnect', () => process.exit(0));

let api: Record<string, (...args: unknown[]) => unknown> | undefined;

process.on('message', (m: ParentMessage) => {
  if (m.t === 'init') {
    api = createSandboxedWorkerApi(m.bundle) as unknown as Record<string, (...args: unknown[]) => unknown>;
    send({ t: 'ready' });
    return;
  }
  if (m.t !== 'call' || !api) return;
  const { id, method, args } = m;
  let reply: unknown;
  try {
    const fn = Object.hasOwn(api, method) ? api[method] : undefined;
    if (typeof fn !== 'function') throw new Error(`unknown worker method ${method}`);
    reply = { t: 'result', id, ok: true, value: fn(...args) };
  } catch (e) {
    reply = { t: 'result', id, ok: false, message: e instanceof Error ? e.message : String(e) };
  }
  try {
    send(reply);
  } catch (e) {
    // A value that cannot be serialised (should not happen: results are copied out as plain data).
    send({ t: 'result', id, ok: false, message: `the result could not be sent: ${(e as Error).message}` });
  }
});
