import { Client } from '../clients/client';
import { ClientLookup } from '../clients/client-catalog';
import { AuthorizeError, UntrustedReason } from './authorize-error';
import { isRegisteredRedirectUri } from './redirect-uri';

/** A valid authorization request (RFC 6749 §4.1.1 with RFC 7636 and RFC 8707). */
export interface AuthorizationRequest {
  readonly clientId: string;
  /** Exactly as sent; the authorization response goes there and the token request repeats it. */
  readonly redirectUri: string;
  /** Echoed in the response exactly as sent; null when absent. */
  readonly state: string | null;
  /** The user scopes (without `offline_access`) and their one resource. */
  readonly scopes: readonly string[];
  readonly audience: string;
  readonly offlineAccess: boolean;
  readonly codeChallenge: string | null;
}

/** Where the check of a request ends. */
export type RequestCheck =
  | { readonly kind: 'valid'; readonly client: Client; readonly request: AuthorizationRequest }
  /** The client or redirect URI cannot be trusted: error page, never a redirect. */
  | { readonly kind: 'untrusted'; readonly reason: UntrustedReason; readonly clientId?: string }
  /** Anything else: sent back to the app through its (trusted) redirect URI. */
  | {
      readonly kind: 'refused';
      readonly client: Client;
      readonly redirectUri: string;
      readonly state: string | null;
      readonly error: AuthorizeError;
    };

/** Request parameters: each name once with its value, and the names that were repeated. */
export interface RequestParams {
  readonly values: ReadonlyMap<string, string>;
  readonly repeated: ReadonlySet<string>;
}

/** RFC 6749 §3.1: a parameter sent without a value counts as absent. */
export function readParams(query: URLSearchParams): RequestParams {
  const values = new Map<string, string>();
  const repeated = new Set<string>();
  for (const name of new Set(query.keys())) {
    const all = query.getAll(name);
    if (all.length > 1) repeated.add(name);
    else if (all[0] !== '') values.set(name, all[0]);
  }
  return { values, repeated };
}

export type Trust =
  | { readonly ok: true; readonly client: Client; readonly redirectUri: string }
  | { readonly ok: false; readonly reason: UntrustedReason; readonly clientId?: string };

/**
 * RFC 6749 §4.1.2.1: the client and the redirect URI are checked before anything else, and a
 * failure there is never redirected, so this endpoint cannot send a browser anywhere that is
 * not registered. `redirect_uri` is required even when the app registered only one (RFC 9700
 * §2.1 recommends exact matching of a URI the client states; the token request repeats it).
 */
export function trustClient(params: RequestParams, clients: ClientLookup): Trust {
  const { values, repeated } = params;
  if (repeated.has('client_id')) return { ok: false, reason: 'duplicate-client-id' };
  const clientId = values.get('client_id');
  if (clientId === undefined) return { ok: false, reason: 'missing-client-id' };
  const client = clients.find(clientId);
  if (!client || client.status === 'deleted') return { ok: false, reason: 'unknown-client' };
  if (client.status !== 'active') return { ok: false, reason: 'inactive-client', clientId };
  if (repeated.has('redirect_uri'))
    return { ok: false, reason: 'duplicate-redirect-uri', clientId };
  const redirectUri = values.get('redirect_uri');
  if (redirectUri === undefined) return { ok: false, reason: 'missing-redirect-uri', clientId };
  if (!isRegisteredRedirectUri(client, redirectUri))
    return { ok: false, reason: 'unregistered-redirect-uri', clientId };
  return { ok: true, client, redirectUri };
}
