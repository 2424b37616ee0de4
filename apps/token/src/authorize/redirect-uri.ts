import { Client } from '../clients/client';

const LOOPBACK_HOSTS = new Set(['127.0.0.1', '[::1]', 'localhost']);

/**
 * PRODUCT.md: redirect URIs match exactly, as strings. One exception, RFC 8252 §7.3: a
 * non-confidential (native) app whose registered URI is `http` on a loopback host may be
 * answered on any port, because it listens on a port the OS picks at run time. Host, path and
 * query must still match exactly (127.0.0.1 is not localhost). Confidential apps match exactly.
 */
export function isRegisteredRedirectUri(client: Client, requested: string): boolean {
  if (client.redirectUris.includes(requested)) return true;
  if (client.type !== 'non-confidential') return false;
  return client.redirectUris.some((registered) => sameLoopbackUriButPort(registered, requested));
}

function sameLoopbackUriButPort(registered: string, requested: string): boolean {
  const candidate = parse(registered);
  const sent = parse(requested);
  if (!candidate || !sent) return false;
  if (candidate.protocol !== 'http:' || !LOOPBACK_HOSTS.has(candidate.hostname)) return false;
  candidate.port = sent.port;
  // Compared with the raw string: a requested URI that the URL parser had to normalise (case,
  // dot segments, escapes) is not the registered one.
  return candidate.href === requested;
}

function parse(uri: string): URL | undefined {
  try {
    return new URL(uri);
  } catch {
    return undefined;
  }
}
