import { Authenticator, Principal } from '@extapps/platform';
import type { FastifyRequest } from 'fastify';
import { decodeJwt } from 'jose';

export interface VerifiedTokenCacheOptions {
  /** Tokens remembered at most; past it the oldest is forgotten first. */
  readonly maxEntries: number;
  /** Epoch milliseconds. */
  readonly now: () => number;
}

interface Entry {
  readonly principal: Principal;
  readonly expiresAtMs: number;
}

/**
 * Remembers bearer tokens `inner` accepted, until each one's own expiry: verifying an ES256
 * signature costs several times what the rest of a check does, and a caller sends the same token
 * until it expires. Same answers as `inner`: a verified JWT stays valid until `exp` (nothing is
 * revoked before; signing keys are cached per kid anyway), refusals and errors are never
 * remembered, and a token without `exp` is not either. Keyed by the whole Authorization header.
 * Caveat: an entry lives until its token expires or MAX entries push it out, so a token keeps
 * working here even if its key were withdrawn from the JWKS meanwhile (as with the kid cache).
 */
export class VerifiedTokenCache implements Authenticator {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly inner: Authenticator,
    private readonly options: VerifiedTokenCacheOptions,
  ) {}

  get size(): number {
    return this.entries.size;
  }

  /** The principal of an Authorization header verified before and still live; else null. */
  known(header: string): Principal | null {
    const entry = this.entries.get(header);
    return entry && entry.expiresAtMs > this.options.now() ? entry.principal : null;
  }

  async authenticate(request: FastifyRequest): Promise<Principal | null> {
    const header = request.headers.authorization;
    if (typeof header !== 'string') return this.inner.authenticate(request);
    const known = this.entries.get(header);
    if (known && known.expiresAtMs > this.options.now()) return known.principal;
    if (known) this.entries.delete(header);
    const principal = await this.inner.authenticate(request);
    if (principal) this.remember(header, principal);
    return principal;
  }

  private remember(header: string, principal: Principal): void {
    const expiresAtMs = expiryOf(header);
    if (expiresAtMs === null || expiresAtMs <= this.options.now()) return;
    while (this.entries.size >= this.options.maxEntries) {
      const oldest = this.entries.keys().next();
      if (oldest.done) break;
      this.entries.delete(oldest.value);
    }
    this.entries.set(header, { principal: Object.freeze({ ...principal }), expiresAtMs });
  }
}

/** `exp` of the bearer token in an Authorization header the inner authenticator accepted. */
function expiryOf(header: string): number | null {
  const token = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
  if (!token) return null;
  try {
    const { exp } = decodeJwt(token);
    return typeof exp === 'number' ? exp * 1000 : null;
  } catch {
    return null;
  }
}
