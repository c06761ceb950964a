/**
 * The form in which two programs are compared for "identical code": every run of whitespace becomes one
 * space and the ends are trimmed, so re-indenting or re-wrapping a program does not make it new (the loop
 * then reuses the earlier calibration instead of paying for another; HDTwinGen caches duplicates the
 * same way, paper notes §4.7). Comments and string contents still count.
 * @param code program source.
 * @example
 * normalizeCode('a  =\n\t1;') === normalizeCode('a = 1;'); // true
 */
export function normalizeCode(code: string): string {
  return code.replace(/\s+/g, ' ').trim();
}
