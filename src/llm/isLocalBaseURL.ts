/**
 * Sent to a local server when no key is typed: Ollama, LM Studio and llama.cpp ignore the key, but the
 * SDKs refuse to send a request without one (as the CLI's placeholder).
 */
export const LOCAL_PLACEHOLDER_KEY = 'no-key';

/**
 * Whether a base URL points at this machine or the local network (localhost, 127.x, ::1, 0.0.0.0,
 * *.local, 10.x, 192.168.x, 172.16–31.x): a local server that needs no API key.
 */
export function isLocalBaseURL(baseURL: string): boolean {
  let host: string;
  try {
    host = new URL(baseURL.trim()).hostname.toLowerCase();
  } catch {
    return false;
  }
  if (host === 'localhost' || host.endsWith('.localhost') || host.endsWith('.local') || host === '[::1]' || host === '0.0.0.0') return true;
  const ip = host.split('.').map(Number);
  if (ip.length !== 4 || ip.some((n) => !Number.isInteger(n) || n < 0 || n > 255)) return false;
  return ip[0] === 127 || ip[0] === 10 || (ip[0] === 192 && ip[1] === 168) || (ip[0] === 172 && ip[1] >= 16 && ip[1] <= 31);
}
