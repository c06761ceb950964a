import type { SimulatorErrorData } from '../../core/sim/SimulatorError.ts';
import type { EditorMarker } from '../store/codeSlice.ts';

const AT_POSITION = /at line (\d+), column (\d+)/;
const PARAM_PATH = /parameters\.([A-Za-z_$][\w$]*)/;

/**
 * Places a simulator error in the source for an editor marker: its own line/column when the compiler
 * knew them, a position parsed from the message ("… at line 12, column 5"), the declaration line of a
 * parameter the message names (`parameters.beta.min …`), or else the first line.
 * @param error the error as data (from a worker) or a plain message.
 * @param source the program text the error belongs to.
 * @param origin compile check or runtime (a calibration worker).
 */
export function locateError(error: SimulatorErrorData | string, source: string, origin: EditorMarker['source']): EditorMarker {
  const message = typeof error === 'string' ? error : error.message;
  if (typeof error !== 'string' && error.line !== undefined) {
    return { line: error.line, column: error.column ?? 1, message, source: origin };
  }
  const pos = AT_POSITION.exec(message);
  if (pos) return { line: Number(pos[1]), column: Number(pos[2]), message, source: origin };
  const param = PARAM_PATH.exec(message);
  if (param) {
    const lines = source.split('\n');
    const re = new RegExp(`(^|[\\s{,])${param[1].replace(/\$/g, '\\$')}\\s*:`);
    const i = lines.findIndex((l) => re.test(l));
    if (i >= 0) return { line: i + 1, column: lines[i].search(/\S/) + 1, message, source: origin };
  }
  if (/step/.test(message)) {
    const i = source.split('\n').findIndex((l) => /function\s+step\s*\(/.test(l));
    if (i >= 0) return { line: i + 1, column: 1, message, source: origin };
  }
  return { line: 1, column: 1, message, source: origin };
}
