import { Connection, Model, Schema } from 'mongoose';
import {
  insertOnce,
  modelOf,
  RedemptionDocument,
  redemptionSchema,
} from '../grant-store/grant-documents';
import { AuthorizationCodeRecord, AuthorizationCodeStore } from './authorization-code-store';

export const AUTHORIZATION_CODES_COLLECTION = 'authorization_codes';
export const AUTHORIZATION_CODE_REDEMPTIONS_COLLECTION = 'authorization_code_redemptions';

interface CodeDocument extends Omit<AuthorizationCodeRecord, 'hash' | 'scopes'> {
  /** The code's hash. */
  readonly _id: string;
  readonly scopes: string[];
}

const str = { type: String, required: true };
const codeSchema = new Schema<CodeDocument>(
  {
    _id: str,
    grantId: str,
    clientId: str,
    redirectUri: str,
    userId: str,
    scopes: { type: [String], required: true },
    audience: str,
    offlineAccess: { type: Boolean, required: true },
    // Null for a confidential app that sent no challenge; `required` would refuse null.
    codeChallenge: { type: String, default: null },
    issuedAt: { type: Date, required: true },
    expiresAt: { type: Date, required: true },
  },
  { versionKey: false, id: false },
);

/**
 * Codes on MongoDB (and FerretDB 1.x), keyed by hash alone. Caveat: without TTL indexes on
 * FerretDB, expired codes and redemptions stay until removed; they hold no secret (hashes only).
 */
export class MongoAuthorizationCodeStore implements AuthorizationCodeStore {
  private readonly codes: Model<CodeDocument>;
  private readonly redemptions: Model<RedemptionDocument>;

  constructor(connection: Connection) {
    this.codes = modelOf(connection, AUTHORIZATION_CODES_COLLECTION, codeSchema);
    this.redemptions = modelOf(
      connection,
      AUTHORIZATION_CODE_REDEMPTIONS_COLLECTION,
      redemptionSchema,
    );
  }

  async save(code: AuthorizationCodeRecord): Promise<void> {
    const { hash, scopes, ...rest } = code;
    await this.codes.create({ _id: hash, scopes: [...scopes], ...rest });
  }

  async find(hash: string): Promise<AuthorizationCodeRecord | null> {
    const doc = await this.codes.findById(hash).lean<CodeDocument>();
    if (!doc) return null;
    const { _id, ...rest } = doc;
    return { hash: _id, ...rest };
  }

  redeem(hash: string, now: Date): Promise<boolean> {
    return insertOnce(() => this.redemptions.create({ _id: hash, redeemedAt: now }));
  }
}
