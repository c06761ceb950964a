import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** The OS-level layers a simulation process is started under, as far as this machine allows them. */
export interface IsolationLayers {
  /** Node's permission model: no file writes, reads of the entry file only, no child processes, workers or addons. */
  permissionModel: true;
  /** An empty environment: no API key or other secret reaches the process. */
  emptyEnvironment: true;
  /** Address-space limit (RLIMIT_AS) bounding heap *and* off-heap memory (ArrayBuffers, wasm). */
  addressSpaceLimit: boolean;
  /** A network namespace with no interfaces but its own loopback (unprivileged user namespaces). */
  networkNamespace: boolean;
  /** A PID namespace: the process cannot see or signal any process outside it. */
  pidNamespace: boolean;
  /** Killed when the `gsim` process dies (parent-death signal), so nothing outlives a crash. */
  dieWithParent: boolean;
}

export interface IsolationLimits {
  /** V8 heap limit in MB. */
  heapMb: number;
  /** Memory outside the V8 heap (ArrayBuffers, wasm) the process may map, in MB. */
  offHeapMb: number;
}

/**
 * Address space Node itself maps before running anything (code, V8 reservations, libraries): measured
 * here at about 900 MB of virtual memory for a bare `node` (RLIMIT_AS 1,000 MB leaves 128 MB of
 * ArrayBuffers, 2,000 MB leaves 1,024 MB).
 */
const NODE_BASELINE_MB = 1024;

let probed: { layers: IsolationLayers; prefix: string[] } | undefined;

/**
 * Which wrappers work here, found once per process by running them (`true` under each): util-linux's
 * `setpriv` (parent-death signal), `prlimit` (RLIMIT_AS) and `unshare` (user, network and PID
 * namespaces; needs unprivileged user namespaces, which some containers and hardened kernels refuse).
 * Missing layers are reported by {@link isolationLayers}, never silently assumed.
 */
function probe(): { layers: IsolationLayers; prefix: string[] } {
  if (probed) return probed;
  const works = (cmd: string, args: string[]) => {
    if (!existsSync(cmd)) return false;
    const r = spawnSync(cmd, [...args, '/bin/true'], { stdio: 'ignore', timeout: 5000 });
    return r.status === 0;
  };
  const setpriv = works('/usr/bin/setpriv', ['--pdeathsig', 'KILL', '--']);
  const prlimit = works('/usr/bin/prlimit', ['--as=4294967296', '--']);
  const unsharePid = works('/usr/bin/unshare', ['--user', '--map-root-user', '--net', '--pid', '--fork', '--kill-child=SIGKILL', '--']);
  const unshareNet = unsharePid || works('/usr/bin/unshare', ['--user', '--map-root-user', '--net', '--']);
  const prefix: string[] = [];
  if (setpriv) prefix.push('/usr/bin/setpriv', '--pdeathsig', 'KILL', '--');
  if (unsharePid) prefix.push('/usr/bin/unshare', '--user', '--map-root-user', '--net', '--pid', '--fork', '--kill-child=SIGKILL', '--');
  else if (unshareNet) prefix.push('/usr/bin/unshare', '--user', '--map-root-user', '--net', '--');
  probed = {
    layers: {
      permissionModel: true, emptyEnvironment: true, addressSpaceLimit: prlimit,
      networkNamespace: unshareNet, pidNamespace: unsharePid, dieWithParent: setpriv,
    },
    prefix: prlimit ? ['/usr/bin/prlimit', '--as=AS_BYTES', '--', ...prefix] : prefix,
  };
  return probed;
}

/** What this machine gives a simulation process (README "Security" says what each layer stops). */
export function isolationLayers(): IsolationLayers {
  return probe().layers;
}

/**
 * The command that starts a simulation process running `entryFile`: the OS wrappers this machine
 * allows, then Node with its permission model (reads of `entryFile` only; no writes, child processes,
 * workers, addons or WASI), the heap limit, and no WebAssembly code generation in the host realm.
 * The caller spawns it with an empty environment and an IPC channel as the only open descriptor.
 */
export function isolationCommand(entryFile: string, limits: IsolationLimits): { command: string; args: string[] } {
  const { prefix } = probe();
  const asBytes = (NODE_BASELINE_MB + limits.heapMb + limits.offHeapMb) * 1024 * 1024;
  const node = [
    process.execPath,
    '--experimental-permission',
    `--allow-fs-read=${entryFile}`,
    `--max-old-space-size=${limits.heapMb}`,
    // Programs have no use for the host realm's string compilation or wasm; a host-realm escape then finds neither.
    '--disallow-code-generation-from-strings',
    '--no-expose-wasm',
    '--no-warnings',
    entryFile,
  ];
  const all = [...prefix.map((a) => a.replace('AS_BYTES', String(asBytes))), ...node];
  return { command: all[0], args: all.slice(1) };
}
