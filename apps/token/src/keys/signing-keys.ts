import { Clock, systemClock } from '@extapps/contracts';
import { JWK, JWTPayload, SignJWT } from 'jose';
import { EncryptionKey } from './encryption-key';
import { InMemorySigningKeyStore } from './in-memory-signing-key-store';
import { RingKey, SIGNING_ALGORITHM } from './key-material';
import { KeyRingSink, KeyRotation } from './key-rotation';
import {
  DEFAULT_ROTATION_HOURS,
  isRetired,
  KeySchedule,
  keySchedule,
  signingKeyAt,
} from './key-schedule';

export { SIGNING_ALGORITHM } from './key-material';

/** RFC 9068 §2.1: the media type of JWT access tokens, so they cannot pass for ID tokens. */
export const ACCESS_TOKEN_TYPE = 'at+jwt';

export interface JsonWebKeySet {
  readonly keys: readonly JWK[];
}

/**
 * The keys that sign access tokens, shared by every instance through the key store and kept in
 * memory by KeyRotation's refreshes: signing does no I/O. Which key signs and which are published
 * follow the clock between refreshes, so a key activates and retires on time even if a refresh
 * is late. `jwks` changes over time: read it at each verification (it is the same object until
 * the published set changes, so a `createLocalJWKSet` per distinct object can be cached).
 */
export class SigningKeys implements KeyRingSink {
  private ring: readonly RingKey[] = [];
  private published: { readonly kids: string; readonly jwks: JsonWebKeySet } = {
    kids: '',
    jwks: { keys: [] },
  };

  constructor(
    private readonly clock: Clock,
    private readonly schedule: KeySchedule,
  ) {}

  /** A ring of its own in memory, with a random encryption key: for unit tests. */
  static async generate(clock: Clock = systemClock): Promise<SigningKeys> {
    const schedule = keySchedule(DEFAULT_ROTATION_HOURS);
    const keys = new SigningKeys(clock, schedule);
    const store = new InMemorySigningKeyStore();
    const encryptionKey = EncryptionKey.random();
    await new KeyRotation({ store, encryptionKey, schedule, clock, ring: keys }).refresh();
    return keys;
  }

  /** Every key a token still in its lifetime may carry, and those about to sign; newest first. */
  get jwks(): JsonWebKeySet {
    const now = this.clock.now();
    const live = this.ring.filter((_, i) => !isRetired(this.ring, i, now, this.schedule));
    const kids = live.map((k) => k.kid).join(' ');
    if (kids !== this.published.kids)
      this.published = { kids, jwks: { keys: live.map((k) => k.publicJwk).reverse() } };
    return this.published.jwks;
  }

  /** Signs `payload` as an RFC 9068 access token with the key active now. */
  sign(payload: JWTPayload): Promise<string> {
    const key = signingKeyAt(this.ring, this.clock.now());
    if (!key) throw new Error('no signing key loaded');
    return new SignJWT(payload)
      .setProtectedHeader({ alg: SIGNING_ALGORITHM, typ: ACCESS_TOKEN_TYPE, kid: key.kid })
      .sign(key.privateKey);
  }

  install(ring: readonly RingKey[]): void {
    this.ring = [...ring];
  }
}
