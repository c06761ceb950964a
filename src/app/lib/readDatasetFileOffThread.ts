import type { DatasetImportReply } from '../workers/datasetImportMessages.ts';

/** Ends the import still running, if any (its promise resolves to null). */
let cancelCurrent: (() => void) | null = null;

/**
 * Reads a user's CSV or JSON file in a one-shot Web Worker so the page stays responsive while a large
 * file is decoded and parsed. Starting a new import ends one still running: the newest file wins and
 * the older call resolves to null. Without Worker support (jsdom tests) it reads on the calling thread.
 * @param file from a file input or a drop.
 */
export async function readDatasetFileOffThread(file: File): Promise<DatasetImportReply | null> {
  cancelCurrent?.();
  if (typeof Worker === 'undefined') return (await import('../model/readDatasetImport.ts')).readDatasetImport(file.name, await file.text());
  const worker = new Worker(new URL('../workers/datasetImportWorker.ts', import.meta.url), { type: 'module', name: 'gsim-import' });
  return new Promise<DatasetImportReply | null>((resolve) => {
    const done = (reply: DatasetImportReply | null) => {
      worker.terminate();
      if (cancelCurrent === cancel) cancelCurrent = null;
      resolve(reply);
    };
    const cancel = () => done(null);
    cancelCurrent = cancel;
    worker.onmessage = (e: MessageEvent<DatasetImportReply>) => done(e.data);
    worker.onerror = (e) => {
      e.preventDefault();
      done({ ok: false, failure: { message: `Could not read ${file.name}: ${e.message || 'the import worker failed (out of memory?)'}` }, chars: file.size });
    };
    worker.postMessage({ file, fileName: file.name });
  });
}
