import { AuthorizationCodeRecord, AuthorizationCodeStore } from './authorization-code-store';

/** Codes without a database, for unit tests; same contract suite as the MongoDB store. */
export class InMemoryAuthorizationCodeStore implements AuthorizationCodeStore {
  private readonly codes = new Map<string, AuthorizationCodeRecord>();
  private readonly redemptions = new Set<string>();

  async save(code: AuthorizationCodeRecord): Promise<void> {
    if (this.codes.has(code.hash)) throw new Error('authorization code hash already stored');
    this.codes.set(code.hash, { ...code, scopes: [...code.scopes] });
  }

  async find(hash: string): Promise<AuthorizationCodeRecord | null> {
    const code = this.codes.get(hash);
    return code ? { ...code, scopes: [...code.scopes] } : null;
  }

  async redeem(hash: string): Promise<boolean> {
    if (this.redemptions.has(hash)) return false;
    this.redemptions.add(hash);
    return true;
  }
}
