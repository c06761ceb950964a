import { createHash } from 'node:crypto';

/** SHA-256 of some texts (joined unambiguously), hex: the key of a setup or of a finished job. */
export function contentHash(...parts: string[]): string {
  const h = createHash('sha256');
  for (const p of parts) h.update(`${Buffer.byteLength(p)}:`).update(p);
  return h.digest('hex');
}
