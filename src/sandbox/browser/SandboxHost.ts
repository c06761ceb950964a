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
  readonly iframe: HTMLIFrameElement;

  constructor(loadSource: WorkerSourceLoader = loadBundledWorkerSource) {
    const channel = new MessageChannel();
    this.control = channel.port1;
    this.control.onmessage = (m: MessageEvent<{ type: string; id?: number; message?: string }>) => {
      if (m.data.type === 'exited' && m.data.id !== undefined) this.exit(m.data.id, new Error(m.data.message ?? 'the worker stopped'));
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
    void Promise.all([loadSource(), loaded]).then(
      ([workerSource]) => iframe.contentWindow!.postMessage({ type: INIT_MESSAGE, workerSource }, '*', [channel.port2]),
      (e: unknown) => this.fail(new Error(`the simulation sandbox could not start: ${(e as Error)?.message ?? String(e)}`)),
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

let shared: SandboxHost | undefined;

/** The page's one sandbox (created on first use). */
export function sandboxHost(): SandboxHost {
  shared ??= new SandboxHost();
  return shared;
}
