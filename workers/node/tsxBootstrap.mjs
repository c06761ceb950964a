// Entry of every Node worker thread: registers tsx in this thread, then loads the TypeScript worker.
// Why not `execArgv: ['--import', 'tsx']`: on Node 20 a worker's --import hooks do not apply to the
// worker's own entry module (ERR_UNKNOWN_FILE_EXTENSION ".ts"), while an in-thread register() does.
// 'tsx/esm/api' resolves from this file's location, so the CLI works from any working directory.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
