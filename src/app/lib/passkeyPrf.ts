/**
 * A passkey's PRF output (WebAuthn `prf` extension): 32 secret bytes the authenticator derives from the
 * credential and a salt, released only after the browser's own prompt (touch, fingerprint, PIN). The
 * studio derives the key that encrypts a remembered API key from it, so a reload needs that gesture.
 */

/** What "remember on this device" keeps about the passkey (public values). */
export interface PasskeyRef {
  credentialId: Uint8Array;
  salt: Uint8Array;
}

/** How long the browser prompt may stay open before the request fails. */
const PROMPT_MS = 60_000;

/** Whether this browser can ask a passkey at all (PRF support shows only when one is created or used). */
export function passkeysAvailable(): boolean {
  return typeof window !== 'undefined' && window.isSecureContext && typeof window.PublicKeyCredential === 'function' && !!navigator.credentials;
}

/** The PRF result of a create/get, or null when the authenticator gave none. */
function prfOf(cred: Credential | null): ArrayBuffer | null {
  const ext = (cred as PublicKeyCredential | null)?.getClientExtensionResults() as { prf?: { results?: { first?: BufferSource } } } | undefined;
  const first = ext?.prf?.results?.first;
  if (!first) return null;
  if (first instanceof ArrayBuffer) return first;
  const view = first as ArrayBufferView;
  return new Uint8Array(view.buffer, view.byteOffset, view.byteLength).slice().buffer;
}

/** Asks the passkey for its PRF output for `salt` (the browser prompts). */
export async function passkeyPrf(ref: PasskeyRef): Promise<ArrayBuffer> {
  const cred = await navigator.credentials.get({
    publicKey: {
      challenge: crypto.getRandomValues(new Uint8Array(32)),
      rpId: location.hostname,
      allowCredentials: [{ type: 'public-key', id: new Uint8Array(ref.credentialId) }],
      userVerification: 'required',
      timeout: PROMPT_MS,
      extensions: { prf: { eval: { first: new Uint8Array(ref.salt) } } } as AuthenticationExtensionsClientInputs,
    },
  });
  const prf = prfOf(cred);
  if (!prf) throw new Error('this passkey gives no PRF output (the browser or authenticator lacks the WebAuthn PRF extension)');
  return prf;
}

/**
 * Creates a passkey for this studio and returns its PRF output for a fresh random salt (asked again
 * when creation did not evaluate it, as some authenticators do).
 * @throws when there is no authenticator, the user cancels, or PRF is not supported.
 */
export async function createPasskeyPrf(): Promise<PasskeyRef & { prf: ArrayBuffer }> {
  const salt = crypto.getRandomValues(new Uint8Array(32));
  const cred = (await navigator.credentials.create({
    publicKey: {
      challenge: crypto.getRandomValues(new Uint8Array(32)),
      rp: { name: 'G-Sim Studio', id: location.hostname },
      user: { id: crypto.getRandomValues(new Uint8Array(16)), name: 'G-Sim Studio API key', displayName: 'G-Sim Studio API key' },
      pubKeyCredParams: [{ type: 'public-key', alg: -7 }, { type: 'public-key', alg: -257 }],
      authenticatorSelection: { residentKey: 'preferred', userVerification: 'required' },
      timeout: PROMPT_MS,
      extensions: { prf: { eval: { first: salt } } } as AuthenticationExtensionsClientInputs,
    },
  })) as PublicKeyCredential | null;
  if (!cred) throw new Error('no passkey was created');
  const enabled = (cred.getClientExtensionResults() as { prf?: { enabled?: boolean } }).prf?.enabled;
  if (enabled === false) throw new Error('this browser or authenticator does not support the WebAuthn PRF extension');
  const ref = { credentialId: new Uint8Array(cred.rawId), salt };
  return { ...ref, prf: prfOf(cred) ?? (await passkeyPrf(ref)) };
}
