import { asDuplicateKeyConflict } from '@extapps/mongo';
import { Connection, Model, Schema } from 'mongoose';

/*
 * Every collection of the grant store is keyed by `_id` alone: FerretDB 1.x scans for any other
 * key, and single use rests on the unique `_id` of an insert. No secondary index, so nothing to
 * create at start-up (autoIndex is off).
 */
export const GRANTS_COLLECTION = 'grants';
export const GRANT_REVOCATIONS_COLLECTION = 'grant_revocations';
export const REFRESH_TOKENS_COLLECTION = 'refresh_tokens';
export const REFRESH_TOKEN_REDEMPTIONS_COLLECTION = 'refresh_token_redemptions';

export interface GrantDocument {
  readonly _id: string;
  readonly clientId: string;
  readonly userId: string;
  readonly scopes: string[];
  readonly audience: string;
  readonly offlineAccess: boolean;
  readonly createdAt: Date;
}

export interface RevocationDocument {
  readonly _id: string;
  readonly reason: string;
  readonly revokedAt: Date;
}

export interface RefreshTokenDocument {
  /** The token's hash. */
  readonly _id: string;
  readonly grantId: string;
  readonly clientId: string;
  readonly userId: string;
  readonly scopes: string[];
  readonly audience: string;
  readonly issuedAt: Date;
  readonly expiresAt: Date;
}

/** The hash of a redeemed refresh token (or code): the first insert is the redemption. */
export interface RedemptionDocument {
  readonly _id: string;
  readonly redeemedAt: Date;
}

const str = { type: String, required: true };
const date = { type: Date, required: true };
const options = { versionKey: false, id: false } as const;

const grantSchema = new Schema<GrantDocument>(
  {
    _id: str,
    clientId: str,
    userId: str,
    scopes: { type: [String], required: true },
    audience: str,
    offlineAccess: { type: Boolean, required: true },
    createdAt: date,
  },
  options,
);
const revocationSchema = new Schema<RevocationDocument>(
  { _id: str, reason: str, revokedAt: date },
  options,
);
const refreshTokenSchema = new Schema<RefreshTokenDocument>(
  {
    _id: str,
    grantId: str,
    clientId: str,
    userId: str,
    scopes: { type: [String], required: true },
    audience: str,
    issuedAt: date,
    expiresAt: date,
  },
  options,
);
export const redemptionSchema = new Schema<RedemptionDocument>(
  { _id: str, redeemedAt: date },
  options,
);

/** The model of `collection` on `connection`, registered once per connection. */
export function modelOf<T>(
  connection: Connection,
  collection: string,
  schema: Schema<T>,
): Model<T> {
  const name = `token:${collection}`;
  return (
    (connection.models[name] as Model<T> | undefined) ??
    connection.model<T>(name, schema, collection)
  );
}

export const grantModels = (connection: Connection) => ({
  grants: modelOf(connection, GRANTS_COLLECTION, grantSchema),
  revocations: modelOf(connection, GRANT_REVOCATIONS_COLLECTION, revocationSchema),
  refreshTokens: modelOf(connection, REFRESH_TOKENS_COLLECTION, refreshTokenSchema),
  redemptions: modelOf(connection, REFRESH_TOKEN_REDEMPTIONS_COLLECTION, redemptionSchema),
});

/** True when this insert stored the document; false when one with its `_id` was there first. */
export async function insertOnce(insert: () => Promise<unknown>): Promise<boolean> {
  try {
    await insert();
    return true;
  } catch (error) {
    if (asDuplicateKeyConflict(error)) return false;
    throw error;
  }
}
