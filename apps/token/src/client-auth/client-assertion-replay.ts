/** `first-use`: the assertion may authenticate; `replayed`: its jti was used before. */
export type JtiClaim = 'first-use' | 'replayed';

/**
 * Makes client assertions single use (RFC 7523 §3 item 7) across every instance: a (client, jti)
 * pair can be claimed once. A claim is kept until `usableUntil`, after which the assertion's
 * `exp` refuses it anyway, so `purgeExpired` may forget it. Caveat: until purged, a new
 * assertion that reuses an expired one's jti is refused as a replay too.
 */
export interface ClientAssertionReplay {
  claim(clientId: string, jti: string, usableUntil: Date): Promise<JtiClaim>;
  /** Forgets claims whose assertion expired by `now`; returns how many. */
  purgeExpired(now: Date): Promise<number>;
}

export const CLIENT_ASSERTION_REPLAY = Symbol('CLIENT_ASSERTION_REPLAY');

/** For unit tests: one process. */
export class InMemoryClientAssertionReplay implements ClientAssertionReplay {
  private readonly claims = new Map<string, number>();

  async claim(clientId: string, jti: string, usableUntil: Date): Promise<JtiClaim> {
    const key = jtiKey(clientId, jti);
    if (this.claims.has(key)) return 'replayed';
    this.claims.set(key, usableUntil.getTime());
    return 'first-use';
  }

  async purgeExpired(now: Date): Promise<number> {
    let purged = 0;
    for (const [key, until] of this.claims)
      if (until <= now.getTime()) purged += Number(this.claims.delete(key));
    return purged;
  }
}

/** Client ids have no space (registration's app id rule), so the pair cannot be ambiguous. */
export const jtiKey = (clientId: string, jti: string) => `${clientId} ${jti}`;
