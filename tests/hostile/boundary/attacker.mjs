// Runs as if a program had broken out of its vm realm into the simulation process's own Node host:
// it has every Node API the process has, and tries everything an attacker would. Each attempt's
// outcome is reported to the test over the IPC channel (the one way out the process is meant to have).
import { createRequire } from 'node:module';

const outcome = {};
const attempt = async (name, fn) => {
  try {
    const v = await fn();
    outcome[name] = { ok: true, value: String(v).slice(0, 200) };
  } catch (e) {
    outcome[name] = { ok: false, error: String(e?.code ?? e?.message ?? e).slice(0, 200) };
  }
};

process.on('message', async ({ port, secretFile, writeTarget, parentPid }) => {
  const fs = await import('node:fs');
  const net = await import('node:net');
  await attempt('env', () => JSON.stringify(process.env));
  await attempt('readSecret', () => fs.readFileSync(secretFile, 'utf8'));
  await attempt('readPasswd', () => fs.readFileSync('/etc/passwd', 'utf8'));
  await attempt('readHome', () => fs.readdirSync(process.cwd()).join(','));
  await attempt('write', () => fs.writeFileSync(writeTarget, 'pwned'));
  await attempt('writeTmp', () => fs.writeFileSync('/tmp/gsim-boundary-pwned', 'pwned'));
  await attempt('openForWrite', () => fs.openSync(writeTarget, 'w'));
  await attempt('spawn', async () => (await import('node:child_process')).spawnSync('/bin/sh', ['-c', 'id']).stdout?.toString());
  await attempt('exec', async () => (await import('node:child_process')).execSync('id').toString());
  await attempt('worker', async () => new (await import('node:worker_threads')).Worker('1', { eval: true }));
  await attempt('dlopen', () => process.dlopen({ exports: {} }, '/usr/lib/x86_64-linux-gnu/libc.so.6'));
  await attempt('binding', () => process.binding('spawn_sync'));
  await attempt('require', () => createRequire(import.meta.url)('node:child_process').execSync('id').toString());
  await attempt('inspector', async () => (await import('node:inspector')).open(0, '127.0.0.1'));
  await attempt('wasm', () => typeof WebAssembly);
  await attempt('evalHost', () => eval('1 + 1'));
  await attempt('functionHost', () => Function('return 1')());
  await attempt('signalParent', () => process.kill(parentPid, 0));
  await attempt('signalAll', () => process.kill(-1, 0));
  await attempt('offHeap', () => {
    const keep = [];
    for (let i = 0; i < 64; i++) keep.push(new ArrayBuffer(128 * 1024 * 1024));
    return `${keep.length * 128} MB`;
  });
  const connect = (host) =>
    new Promise((resolve, reject) => {
      const s = net.connect({ port, host, timeout: 2000 });
      s.on('connect', () => { s.end('pwned'); resolve('connected'); });
      s.on('error', reject);
      s.on('timeout', () => { s.destroy(); reject(new Error('timeout')); });
    });
  await attempt('connectLoopback', () => connect('127.0.0.1'));
  await attempt('connectLocalhost', () => connect('localhost'));
  await attempt('udp', async () => {
    const dgram = await import('node:dgram');
    return new Promise((resolve, reject) => {
      const sock = dgram.createSocket('udp4');
      sock.send('pwned', port, '127.0.0.1', (e) => { sock.close(); e ? reject(e) : resolve('sent'); });
    });
  });
  await attempt('listen', () => new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.on('error', reject);
    srv.listen(0, '0.0.0.0', () => { const a = srv.address(); srv.close(); resolve(`listening on ${a.port}`); });
  }));
  process.send(outcome);
});
process.send({ ready: true });
