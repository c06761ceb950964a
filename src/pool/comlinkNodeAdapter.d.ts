// comlink ships this adapter's types as node-adapter.d.ts beside an .mjs file, which TypeScript does
// not pair up (it looks for .d.mts), so the deep import is declared here.
declare module 'comlink/dist/esm/node-adapter.mjs' {
  import type { Endpoint } from 'comlink';

  /** The part of a Node MessagePort / Worker the adapter uses. */
  export interface NodeEndpoint {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    postMessage(message: any, transfer?: any[]): void;
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- Node's listener types vary by event
    on(type: string, listener: (...args: any[]) => void): unknown;
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    off(type: string, listener: (...args: any[]) => void): unknown;
    start?: () => void;
  }
  /** Adapts a Node worker_threads endpoint to comlink's Endpoint. */
  export default function nodeEndpoint(nep: NodeEndpoint): Endpoint;
}
