import vm from 'node:vm';
import { parse } from 'acorn';
import type { SimWorkerApi } from '../../core/runtime/createSimWorkerApi.ts';
import { findImportCall } from '../../core/sim/findImportCall.ts';
import { FORBIDDEN_GLOBALS, forbiddenMessage } from '../../core/sim/functionEvaluator.ts';
import { copyOut } from './copyOut.ts';
import type { HostCompile } from './sandboxApiEntry.ts';
import { VM_PRELUDE_SOURCE } from './vmPreludeSource.ts';

/** Forbidden globals replaced in the realm; Math is left alone (core's evaluator gives programs a Math without random). */
const CONFIG_JSON = JSON.stringify({ forbidden: Object.fromEntries(FORBIDDEN_GLOBALS.map((n) => [n, forbiddenMessage(n)])), rngMethods: [] });


interface Realm {
  api: Record<string, (...args: unknown[]) => unknown>;
  copyIn(v: unknown): unknown;
}

/**
 * The Node worker's API, run whole inside a `node:vm` context: core (from `bundleSource`, see
 * sandboxBundle.ts) and the loaded program share one fresh realm per `load`, so the hot loop (step,
 * rng, metrics) never crosses a realm boundary, and nothing one program does to its realm reaches the
 * next. The context has no `process`, `require` or file system, compiles no strings to code, and gets
 * no host object: every argument is copied in by the prelude, every result copied out (copyOut.ts).
 * Programs are compiled by `hostCompile` (vm.Script in that context), which refuses `import()` with
 * the host's own parser, so a program that tampers with core's checks in its realm gains nothing.
 */
export function createSandboxedWorkerApi(bundleSource: string): SimWorkerApi {
  const prelude = new vm.Script(VM_PRELUDE_SOURCE, { filename: 'gsim-sandbox-prelude.js' });
  const bundle = new vm.Script(bundleSource, { filename: 'gsim-sandbox-core.js' });
  let realm: Realm | undefined;

  function freshRealm(): Realm {
    const context = vm.createContext(vm.constants.DONT_CONTEXTIFY, { name: 'gsim simulator', codeGeneration: { strings: false, wasm: false } });
    const setup = prelude.runInContext(context) as (callRng: unknown, config: string) => { copyIn(v: unknown): unknown };
    const entry = setup(refuseRng, CONFIG_JSON);
    const hostCompile: HostCompile = (params, body) => {
      const source = `(function (${params}) {${body}\n})`;
      try {
        const found = findImportCall(parse(source, { ecmaVersion: 'latest', sourceType: 'script', locations: true }));
        if (found) return 'import() is not available to simulator programs (no modules, network or file system)';
        return new vm.Script(source).runInContext(context) as (...args: unknown[]) => unknown;
      } catch (e) {
        return e instanceof Error ? e.message : String(e);
      }
    };
    const init = bundle.runInContext(context) as (compile: HostCompile) => Realm['api'];
    return { api: init(hostCompile), copyIn: (v) => entry.copyIn(v) };
  }

  const call = (name: string, args: unknown[]): unknown => {
    if (name === 'ping') return 'pong';
    if (name === 'load' || !realm) realm = freshRealm();
    const r = realm;
    const inside = args.map((a) => r.copyIn(a));
    try {
      return copyOut(Reflect.apply(r.api[name], r.api, inside), Infinity);
    } catch (e) {
      // A failure of the API itself (not a program error, which comes back as data): a host Error.
      throw new Error(describeError(e));
    }
  };
  // The method names come from the API itself (a first realm, made now), so new worker methods need no list here.
  realm = freshRealm();
  const methods = Object.keys(realm.api).filter((name) => typeof realm!.api[name] === 'function');
  return Object.fromEntries(methods.map((name) => [name, (...args: unknown[]) => call(name, args)])) as unknown as SimWorkerApi;
}

/** The prelude's rng bridge is not used here: core's rng lives inside the realm. */
function refuseRng(): never {
  throw new TypeError('no host rng in this sandbox');
}

function describeError(e: unknown): string {
  try {
    const m = (e as { message?: unknown })?.message;
    return typeof m === 'string' ? m : String(e);
  } catch {
    return 'the simulation worker failed';
  }
}
