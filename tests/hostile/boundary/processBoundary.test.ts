// The OS boundary of a simulation process, attacked as if the vm realm had already fallen: an attacker
// script with every Node API runs under exactly the command the pool uses (isolationCommand) and tries
// to take secrets, files, processes and the network. Each attempt must fail; where this machine lacks a
// layer (no unprivileged user namespaces), the test asserts what isolationLayers() says instead.
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { createSocket, type Socket } from 'node:dgram';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isolationCommand, isolationLayers } from '../../../src/sandbox/node/isolationCommand.ts';

const CANARY = 'sk-canary-boundary-7f3a91';
type Outcome = Record<string, { ok: boolean; value?: string; error?: string }>;

describe('the simulation process boundary, with the vm realm assumed broken', () => {
  let dir: string;
  let tcp: Server;
  let udp: Socket;
  let hits = 0;
  let outcome: Outcome;
  const layers = isolationLayers();

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'gsim-boundary-'));
    const entry = join(dir, 'attacker.mjs');
    copyFileSync(fileURLToPath(new URL('./attacker.mjs', import.meta.url)), entry);
    const secretFile = join(dir, 'secret.txt');
    writeFileSync(secretFile, CANARY);
    tcp = createServer((s) => {
      hits++;
      s.destroy();
    });
    await new Promise<void>((r) => tcp.listen(0, '127.0.0.1', r));
    const port = (tcp.address() as { port: number }).port;
    udp = createSocket('udp4');
    udp.on('message', () => hits++);
    await new Promise<void>((r) => udp.bind(port, '127.0.0.1', r));

    const { command, args } = isolationCommand(entry, { heapMb: 128, offHeapMb: 512 });
    // The parent holds a secret in its environment, as gsim holds API keys.
    const child = spawn(command, args, { env: {}, stdio: ['ignore', 'ignore', 'ignore', 'ipc'], serialization: 'advanced' });
    process.env.GSIM_BOUNDARY_CANARY = CANARY;
    outcome = await new Promise<Outcome>((resolve, reject) => {
      child.on('message', (m: unknown) => {
        if ((m as { ready?: boolean }).ready) child.send({ port, secretFile, writeTarget: join(dir, 'written.txt'), parentPid: process.pid });
        else resolve(m as Outcome);
      });
      child.on('exit', (code, signal) => reject(new Error(`attacker exited early (${signal ?? code})`)));
    });
    child.kill('SIGKILL');
    if (process.env.GSIM_BOUNDARY_DUMP) console.log(JSON.stringify(outcome, null, 1));
  }, 60_000);

  afterAll(() => {
    delete process.env.GSIM_BOUNDARY_CANARY;
    tcp?.close();
    udp?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('no secret reaches the process: its environment is empty and the secret file cannot be read', () => {
    expect(JSON.stringify(outcome)).not.toContain(CANARY);
    expect(outcome.env).toEqual({ ok: true, value: '{}' });
    expect(outcome.readSecret.ok).toBe(false);
    expect(outcome.readPasswd.ok).toBe(false);
    expect(outcome.readHome.ok).toBe(false);
  });

  it('no file is written anywhere', () => {
    for (const k of ['write', 'writeTmp', 'openForWrite']) expect(outcome[k], k).toMatchObject({ ok: false, error: 'ERR_ACCESS_DENIED' });
    expect(existsSync(join(dir, 'written.txt'))).toBe(false);
    expect(existsSync('/tmp/gsim-boundary-pwned')).toBe(false);
  });

  it('no process, thread, addon, binding, inspector or host-realm eval', () => {
    for (const k of ['spawn', 'exec', 'worker', 'dlopen', 'binding', 'require', 'inspector', 'evalHost', 'functionHost']) {
      expect(outcome[k]?.ok, `${k}: ${JSON.stringify(outcome[k])}`).toBe(false);
    }
    expect(outcome.wasm).toEqual({ ok: true, value: 'undefined' });
  });

  it('memory outside the heap is bounded (8 GB of ArrayBuffers refused)', () => {
    if (!layers.addressSpaceLimit) return expect(layers.addressSpaceLimit).toBe(false);
    expect(outcome.offHeap).toMatchObject({ ok: false });
  });

  it('no other process can be signalled', () => {
    if (!layers.pidNamespace) return expect(layers.pidNamespace).toBe(false);
    expect(outcome.signalParent).toMatchObject({ ok: false, error: 'ESRCH' });
    // kill(-1) reaches only the process itself inside its PID namespace (no error), never the host's processes.
  });

  it('the network is unreachable: the loopback listener is never hit', () => {
    if (!layers.networkNamespace) return expect(layers.networkNamespace).toBe(false);
    for (const k of ['connectLoopback', 'connectLocalhost', 'udp']) expect(outcome[k]?.ok, `${k}: ${JSON.stringify(outcome[k])}`).toBe(false);
    expect(hits).toBe(0);
    expect(readFileSync(join(dir, 'secret.txt'), 'utf8')).toBe(CANARY);
  });
});
