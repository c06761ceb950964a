/**
 * Messages between the `gsim` process and a simulation process (workers/node/simProcess.ts) over the
 * IPC channel (Node's `advanced` serialisation: structured clone, so typed arrays survive). The parent
 * treats everything a child sends as untrusted data: see parseChildMessage.
 */
export type ParentMessage =
  | { t: 'init'; bundle: string }
  | { t: 'call'; id: number; method: string; args: unknown[] };

export type ChildMessage =
  | { t: 'ready' }
  | { t: 'result'; id: number; ok: true; value: unknown }
  | { t: 'result'; id: number; ok: false; message: string };

/** Longest error message taken from a child (a hostile program could send megabytes of text). */
const MAX_MESSAGE_CHARS = 4000;

/**
 * A child's message checked for shape, or undefined for anything else (the caller then kills the
 * child: only a compromised process breaks the protocol). Strings are cut and stripped of control
 * characters, so no child can write terminal escapes through an error message.
 */
export function parseChildMessage(m: unknown): ChildMessage | undefined {
  if (typeof m !== 'object' || m === null || Array.isArray(m)) return undefined;
  const o = m as Record<string, unknown>;
  if (o.t === 'ready') return { t: 'ready' };
  if (o.t !== 'result' || typeof o.id !== 'number' || !Number.isSafeInteger(o.id)) return undefined;
  if (o.ok === true) return { t: 'result', id: o.id, ok: true, value: o.value };
  if (o.ok === false && typeof o.message === 'string') return { t: 'result', id: o.id, ok: false, message: cleanText(o.message) };
  return undefined;
}

/** Text from a child made safe to print: no control characters (except newline and tab), bounded length. */
export function cleanText(s: string): string {
  // eslint-disable-next-line no-control-regex
  const cleaned = s.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/g, '');
  return cleaned.length > MAX_MESSAGE_CHARS ? `${cleaned.slice(0, MAX_MESSAGE_CHARS)}… (${cleaned.length} characters)` : cleaned;
}
