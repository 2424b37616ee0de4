import { randomUUID } from 'node:crypto';
import { Clock } from '@extapps/contracts';
import { asDuplicateKeyConflict } from '@extapps/mongo';
import { Connection, Model, Schema } from 'mongoose';

/** One claim: `_id` is the unique key itself, so the primary key keeps it unique. */
export interface ClaimDocument {
  readonly _id: string;
  /** The aggregate (stream id) holding the key. */
  readonly owner: string;
  /** What the key stands for, for operators reading the collection. */
  readonly label: string;
  readonly claimedAt: Date;
  /** New with every claim, so a delete removes only the claim it read. */
  readonly token: string;
}

export interface Claim {
  readonly key: string;
  readonly token: string;
}

export type ClaimOutcome =
  | { readonly ok: true; readonly claim: Claim }
  | { readonly ok: false; readonly holder: ClaimDocument };

const claimSchema = new Schema<ClaimDocument>(
  {
    _id: { type: String, required: true },
    owner: { type: String, required: true },
    label: { type: String, required: true },
    claimedAt: { type: Date, required: true },
    token: { type: String, required: true },
  },
  { versionKey: false },
);

/**
 * Keys unique across aggregates (a role name in a tenant, one assignment per principal, role and
 * place), kept by inserts only: FerretDB's conditional updates are read-then-write and can have
 * several winners, while of two inserts with one `_id` exactly one succeeds. No transactions: a
 * crash between claim and append leaves a stale claim, which the caller's guard takes over (a
 * delete of exactly the claim it read, then a fresh insert) once the owner shows it is stale.
 */
export class UniqueClaims {
  private readonly model: Model<ClaimDocument>;

  constructor(
    connection: Connection,
    collection: string,
    private readonly clock: Clock,
  ) {
    this.model =
      (connection.models[collection] as Model<ClaimDocument> | undefined) ??
      connection.model<ClaimDocument>(collection, claimSchema, collection);
  }

  async claim(key: string, owner: string, label: string): Promise<ClaimOutcome> {
    for (let attempt = 1; ; attempt++) {
      const token = randomUUID();
      try {
        await this.model.create({ _id: key, owner, label, claimedAt: this.clock.now(), token });
        return { ok: true, claim: { key, token } };
      } catch (error) {
        if (!asDuplicateKeyConflict(error)) throw error;
      }
      const holder = await this.model.findById(key).lean<ClaimDocument>();
      if (holder) return { ok: false, holder };
      // Released in between: insert again.
      if (attempt >= CLAIM_ATTEMPTS) throw new Error(`the claim on ${key} keeps changing hands`);
    }
  }

  /** How long ago the holder claimed its key. */
  ageMs(holder: ClaimDocument): number {
    return this.clock.now().getTime() - new Date(holder.claimedAt).getTime();
  }

  /** Removes a stale claim, unless it was replaced since it was read. */
  async takeOver(holder: ClaimDocument): Promise<void> {
    await this.model.deleteOne({ _id: holder._id, token: holder.token });
  }

  /** The owner gives up its key (after a rename, a deletion, an unassignment). */
  async release(key: string, owner: string): Promise<void> {
    await this.model.deleteOne({ _id: key, owner });
  }

  /** Undoes one claim after its append failed, unless a later claim replaced it. */
  async abandon(claim: Claim): Promise<void> {
    await this.model.deleteOne({ _id: claim.key, token: claim.token });
  }
}

/** Attempts before a guard gives up on a key that keeps changing hands. */
export const CLAIM_ATTEMPTS = 5;
/**
 * How old a claim of an owner that does not (yet) show it must be before it counts as stale: a
 * fresh one may belong to a command still between its claim and its append.
 */
export const CLAIM_GRACE_MS = 30_000;
