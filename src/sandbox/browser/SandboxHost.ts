import { INIT_MESSAGE, SANDBOX_PATH } from './sandboxDocument.ts';

/** A simulation worker inside the sandbox, as the page holds it. */
export interface SandboxWorkerLink {
  /** Talks to the worker directly (comlink endpoint). */
  readonly port: MessagePort;
  /** Settles with the reason when the worker fails (or the sandbox cannot start); never after terminate(). */
  readonly exited: Promise<Error>;
  terminate(): void;
}

/** Loads the worker bundle's text (one classic script; see simWorkerSourcePlugin). */
export type WorkerSourceLoader = () => Promise<string>;

const loadBundledWorkerSource: WorkerSourceLoader = async () =>
  ((await import('../../../workers/sandboxSimWorker.ts?gsim-iife')) as { default: string }).default;

/**
 * Owns the hidden, sandboxed iframe (`sandbox="allow-scripts"`: an opaque origin, so neither the
 * iframe nor its workers can read the studio's cookies, localStorage or IndexedDB) that creates every
 * simulation worker. The page talks to each worker over its own MessagePort; starting and stopping
 * go through the iframe's control port. Everything the page posts before the iframe has loaded waits
 * in the (not yet transferred) control port, so `spawn` answers at once.
 */
export class SandboxHost {
  private readonly control: MessagePort;
  private readonly exits = new Map<number, (e: Error) => void>();
  private nextId = 1;
  private failure?: Error;
  private heartbeat?: ReturnType<typeof setInterval>;
  /** When the unanswered ping was sent (undefined: none outstanding). */
  private pingSentAt?: number;
  private lastTick = 0;
  /** The iframe has answered the init message. */
  private ready = false;
  /** The worker source has been loaded (the start's clock runs from then). */
  private sourceLoaded = false;
  readonly iframe: HTMLIFrameElement;

  constructor(loadSource: WorkerSourceLoader = loadBundledWorkerSource) {
    const channel = new MessageChannel();
    this.control = channel.port1;
    this.control.onmessage = (m: MessageEvent<{ type: string; id?: number; message?: string }>) => {
      const d: { type?: unknown; id?: unknown; message?: unknown } = m.data !== null && typeof m.data === 'object' ? m.data : {};
      if (d.type === 'exited' && typeof d.id === 'number') this.exit(d.id, new Error(typeof d.message === 'string' ? d.message.slice(0, 500) : 'the worker stopped'));
      else if (d.type === 'pong') this.pingSentAt = undefined;
      else if (d.type === 'ready') this.started();
    };
    const iframe = document.createElement('iframe');
    iframe.setAttribute('sandbox', 'allow-scripts');
    iframe.setAttribute('aria-hidden', 'true');
    iframe.tabIndex = -1;
    iframe.title = 'simulation sandbox';
    iframe.dataset.gsimSandbox = '';
    iframe.style.cssText = 'position:absolute;width:0;height:0;border:0;visibility:hidden';
    // Its own document and CSP (a srcdoc would inherit the page's, which forbids eval).
    iframe.src = new URL(SANDBOX_PATH, document.baseURI).href;
    this.iframe = iframe;
    const loaded = new Promise<void>((resolve) => iframe.addEventListener('load', () => resolve(), { once: true }));
    document.body.appendChild(iframe);
    this.startHeartbeat();
    // The start's clock runs once the worker source is here (its download on a slow network is not a dead sandbox).
    const source = loadSource().then((text) => ((this.sourceLoaded = true), text));
    void Promise.all([source, loaded]).then(
      ([workerSource]) => iframe.contentWindow!.postMessage({ type: INIT_MESSAGE, workerSource }, '*', [channel.port2]),
      (e: unknown) => this.die(`the simulation sandbox could not start: ${(e as Error)?.message ?? String(e)}`),
    );
  }

  /** Starts a worker in the sandbox. */
  spawn(): SandboxWorkerLink {
    const id = this.nextId++;
    const channel = new MessageChannel();
    const exited = new Promise<Error>((resolve) => this.exits.set(id, resolve));
    if (this.failure) this.exit(id, this.failure);
    else this.control.postMessage({ type: 'spawn', id }, [channel.port2]);
    return {
      port: channel.port1,
      exited,
      terminate: () => {
        this.exits.delete(id);
        this.control.postMessage({ type: 'terminate', id });
        channel.port1.close();
      },
    };
  }

  /** False once the sandbox stopped answering (its process crashed, or its iframe is gone); sandboxHost() then builds a new one. */
  get alive(): boolean {
    return this.failure === undefined;
  }

  /**
   * Every {@link HEARTBEAT_MS}: until the iframe says it is ready, counts how long it has been starting
   * (since the worker source arrived); after that, pings it. A sandbox that has not started within {@link START_LIMIT_MS}, or leaves a ping
   * unanswered for {@link DEAD_AFTER_MS}, is gone: every worker is reported exited (their calls fail, the
   * pools replace them from a new sandbox) and the iframe is removed. Only time during which the page's
   * own timers ran on time counts (a busy or background-throttled page is not a dead sandbox).
   * The start needs its own limit: a sandbox whose process dies before it says ready (one built while
   * the previous sandbox's process was still dying shares its fate) had no heartbeat yet, so every worker
   * spawned in it waited for ever and each later run failed with "did not start within 60 s" (seen in
   * e2e/sandboxCrash.spec.ts on a loaded machine).
   */
  private startHeartbeat(): void {
    this.lastTick = performance.now();
    let starting = 0;
    this.heartbeat = setInterval(() => {
      const now = performance.now();
      const onTime = now - this.lastTick < HEARTBEAT_MS * 2;
      if (!this.ready) {
        if (onTime && this.sourceLoaded) starting += now - this.lastTick;
        this.lastTick = now;
        if (starting > START_LIMIT_MS) this.die(`the simulation sandbox did not start within ${START_LIMIT_MS / 1000} s; it was rebuilt`);
        return;
      }
      this.lastTick = now;
      if (this.pingSentAt === undefined) {
        this.pingSentAt = now;
        this.control.postMessage({ type: 'ping' });
      } else if (onTime && now - this.pingSentAt > DEAD_AFTER_MS) {
        this.die('the simulation sandbox stopped responding (its process may have crashed, e.g. out of memory); it was rebuilt');
      }
    }, HEARTBEAT_MS);
  }

  /** The iframe answered its init: pings start, and the iframe says so (for diagnostics and tests). */
  private started(): void {
    this.ready = true;
    this.iframe.dataset.ready = '';
  }

  private die(message: string): void {
    clearInterval(this.heartbeat);
    this.fail(new Error(message));
    this.iframe.remove();
  }

  private exit(id: number, reason: Error): void {
    const resolve = this.exits.get(id);
    this.exits.delete(id);
    resolve?.(reason);
  }

  private fail(reason: Error): void {
    this.failure = reason;
    for (const id of [...this.exits.keys()]) this.exit(id, reason);
  }
}

/** Liveness check period of the sandbox, how long a ping may go unanswered, and how long it may take to start. */
const HEARTBEAT_MS = 1000;
const DEAD_AFTER_MS = 5000;
const START_LIMIT_MS = 15_000;

let shared: SandboxHost | undefined;

/** The page's one sandbox (created on first use, and again after the previous one died). */
export function sandboxHost(): SandboxHost {
  if (!shared?.alive) shared = new SandboxHost();
  return shared;
}
