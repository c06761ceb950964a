import type { ChatResponse, FinishReason } from '../../core/llm/ChatProvider.ts';
import type { LlmErrorCode } from '../../core/llm/LlmError.ts';
import type { RecordedReply } from '../../core/llm/replayProvider.ts';
import { ProjectFileError } from '../model/ProjectFileError.ts';
import type { RunSettings } from '../model/RunRecord.ts';
import { RECORDING_VERSION, type RecordedStep, type Recording } from './Recording.ts';
import { boundedInt, CALIBRATION_LIMITS } from '../model/importLimits.ts';

type Obj = Record<string, unknown>;

const ENVS = ['covid', 'supply-chain', 'hospital'] as const;
const METHODS = ['ga', 'cmaes', 'npe'] as const;
const FINISH: readonly FinishReason[] = ['stop', 'length', 'tool', 'other'];
const ERROR_CODES: readonly LlmErrorCode[] = ['auth', 'model-not-found', 'rate-limit', 'timeout', 'network', 'aborted', 'bad-response', 'bad-request', 'no-code'];

function bad(path: string, expected: string): never {
  throw new ProjectFileError(path, `expected ${expected}`);
}
function obj(v: unknown, path: string): Obj {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) bad(path, 'an object');
  return v as Obj;
}
function str(v: unknown, path: string): string {
  if (typeof v !== 'string') bad(path, 'a string');
  return v;
}
function num(v: unknown, path: string): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) bad(path, 'a finite number');
  return v;
}
function oneOf<T extends string>(v: unknown, path: string, options: readonly T[]): T {
  if (!options.includes(v as T)) bad(path, `one of ${options.join(', ')}`);
  return v as T;
}
function list(v: unknown, path: string): unknown[] {
  if (!Array.isArray(v)) bad(path, 'a list');
  return v;
}

function readSettings(v: unknown, path: string): RunSettings {
  const s = obj(v, path);
  return {
    method: oneOf(s.method, `${path}.method`, METHODS),
    generations: boundedInt(s.generations, `${path}.generations`, CALIBRATION_LIMITS.generations),
    popsize: boundedInt(s.popsize, `${path}.popsize`, CALIBRATION_LIMITS.popsize),
    mc: boundedInt(s.mc, `${path}.mc`, CALIBRATION_LIMITS.mc),
    seed: boundedInt(s.seed, `${path}.seed`, CALIBRATION_LIMITS.seed),
  };
}

function readResponse(v: unknown, path: string): ChatResponse {
  const r = obj(v, path);
  const out: ChatResponse = { text: str(r.text, `${path}.text`) };
  if (r.toolCall !== undefined) {
    const t = obj(r.toolCall, `${path}.toolCall`);
    out.toolCall = { code: str(t.code, `${path}.toolCall.code`), description: str(t.description ?? '', `${path}.toolCall.description`) };
  }
  if (r.toolCallError !== undefined) out.toolCallError = str(r.toolCallError, `${path}.toolCallError`);
  if (r.finishReason !== undefined) out.finishReason = oneOf(r.finishReason, `${path}.finishReason`, FINISH);
  return out;
}

function readReply(v: unknown, path: string): RecordedReply {
  const o = obj(v, path);
  if (o.response !== undefined) return { response: readResponse(o.response, `${path}.response`) };
  const e = obj(o.error, `${path}.error`);
  return { error: { code: oneOf(e.code, `${path}.error.code`, ERROR_CODES), message: str(e.message, `${path}.error.message`), ...(typeof e.detail === 'string' ? { detail: e.detail } : {}) } };
}

function readStep(v: unknown, path: string): RecordedStep {
  const s = obj(v, path);
  const at = num(s.at, `${path}.at`);
  switch (s.kind) {
    case 'edit-code':
      return { kind: 'edit-code', at, source: str(s.source, `${path}.source`) };
    case 'calibrate':
      return { kind: 'calibrate', at, settings: readSettings(s.settings, `${path}.settings`) };
    case 'loop': {
      const o = obj(s.options, `${path}.options`);
      return {
        kind: 'loop',
        at,
        options: { iterations: num(o.iterations, `${path}.options.iterations`), patience: num(o.patience, `${path}.options.patience`) },
        settings: readSettings(s.settings, `${path}.settings`),
        replies: list(s.replies, `${path}.replies`).map((x, i) => readReply(x, `${path}.replies[${i}]`)),
      };
    }
    default:
      return bad(`${path}.kind`, '"edit-code", "calibrate" or "loop"');
  }
}

/**
 * Validates a recorded session read from a project file; throws {@link ProjectFileError} naming the
 * JSON path of the first problem. A recording written by a newer studio is refused the same way.
 * @param path where the recording sits in the file (e.g. `project.recording`).
 */
export function readRecording(v: unknown, path: string): Recording {
  const r = obj(v, path);
  const version = num(r.version, `${path}.version`);
  if (version !== RECORDING_VERSION) throw new ProjectFileError(`${path}.version`, `this studio replays recordings of version ${RECORDING_VERSION}, not ${version}`);
  const start = obj(r.start, `${path}.start`);
  const rec: Recording = {
    version: RECORDING_VERSION,
    projectId: str(r.projectId, `${path}.projectId`),
    startedAt: num(r.startedAt, `${path}.startedAt`),
    start: { env: start.env === null || start.env === undefined ? null : oneOf(start.env, `${path}.start.env`, ENVS), source: str(start.source, `${path}.start.source`) },
    steps: list(r.steps, `${path}.steps`).map((x, i) => readStep(x, `${path}.steps[${i}]`)),
  };
  if (r.truncated === true) rec.truncated = true;
  return rec;
}
