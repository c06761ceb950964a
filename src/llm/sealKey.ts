import type { SealedKey } from './vaultMessages.ts';

/** HKDF context: a passkey's PRF output is used for this one purpose only. */
const INFO = new TextEncoder().encode('gsim-studio llm api key v1');

/** The AES-GCM key for a passkey's PRF output (32 bytes of it at least), via HKDF-SHA-256. */
async function aesKeyOf(prf: ArrayBuffer): Promise<CryptoKey> {
  if (!(prf instanceof ArrayBuffer) || prf.byteLength < 32) throw new Error('the passkey gave no usable PRF output (expected 32 bytes)');
  const ikm = await crypto.subtle.importKey('raw', prf, 'HKDF', false, ['deriveKey']);
  return crypto.subtle.deriveKey({ name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(0), info: INFO }, ikm, { name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
}

/**
 * Encrypts `plain` under a key derived from a passkey's PRF output (HKDF-SHA-256, AES-256-GCM with a
 * random nonce): only the same passkey's PRF output for the same salt opens it again.
 */
export async function sealKey(plain: string, prf: ArrayBuffer): Promise<SealedKey> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const data = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, await aesKeyOf(prf), new TextEncoder().encode(plain)));
  return { iv, data };
}

/** Opens {@link sealKey}'s output; throws when the PRF output is another passkey's or the data was altered. */
export async function unsealKey(sealed: SealedKey, prf: ArrayBuffer): Promise<string> {
  if (!(sealed?.iv instanceof Uint8Array) || !(sealed.data instanceof Uint8Array) || sealed.iv.length !== 12) throw new Error('the remembered key is malformed');
  try {
    const iv = new Uint8Array(sealed.iv);
    const data = new Uint8Array(sealed.data);
    return new TextDecoder().decode(await crypto.subtle.decrypt({ name: 'AES-GCM', iv }, await aesKeyOf(prf), data));
  } catch {
    throw new Error('the passkey did not open the remembered key (another passkey, or the stored key was altered)');
  }
}
