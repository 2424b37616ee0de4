import { randomUUID } from 'node:crypto';
import { Clock } from '@extapps/contracts';
import { asDuplicateKeyConflict } from '@extapps/mongo';
import { Connection, Model, Schema } from 'mongoose';

/** One claimed name: `_id` is the normalized name, so the primary key keeps names unique. */
interface TenantNameDocument {
  readonly _id: string;
  readonly tenantId: string;
  /** As the tenant spells it, for operators reading the collection. */
  readonly name: string;
  readonly claimedAt: Date;
  /** Changes with every claim, so a conditional update or delete hits only the claim it read. */
  readonly token: string;
}

const tenantNameSchema = new Schema<TenantNameDocument>(
  {
    _id: { type: String, required: true },
    tenantId: { type: String, required: true },
    name: { type: String, required: true },
    claimedAt: { type: Date, required: true },
    token: { type: String, required: true },
  },
  { versionKey: false },
);

export const TENANT_NAMES_COLLECTION = 'tenant_names';

/** Tenant names are unique in the service ignoring surrounding spaces, case and Unicode form. */
export const normalizeTenantName = (name: string): string =>
  name.trim().normalize('NFC').toLowerCase();

export interface NameClaim {
  readonly key: string;
  readonly token: string;
}

export interface TenantNamesOptions {
  readonly clock: Clock;
  /**
   * True while the tenant's current state carries the normalized name. A claim whose owner does
   * not is stale (a crash between claim and append, or a lost race) and may be taken over.
   */
  readonly ownerHasName: (tenantId: string, key: string) => Promise<boolean>;
  /** A claim younger than this may belong to a command still in flight: never taken over. */
  readonly staleAfterMs: number;
}

const MAX_ATTEMPTS = 5;

/**
 * The service-wide tenant name index (`tenant_names`). Names span aggregates, so the decider
 * cannot check them: the command claims a name before appending the event that uses it and
 * releases the old one after. Claims are inserts under a unique `_id`, the one primitive
 * FerretDB decides atomically; a crash between the steps leaves a stale claim, which the next
 * claimant takes over once the owner's stream shows it does not hold the name.
 */
export class TenantNames {
  private readonly model: Model<TenantNameDocument>;

  constructor(
    connection: Connection,
    private readonly options: TenantNamesOptions,
  ) {
    this.model =
      (connection.models['tenant-names'] as Model<TenantNameDocument> | undefined) ??
      connection.model<TenantNameDocument>(
        'tenant-names',
        tenantNameSchema,
        TENANT_NAMES_COLLECTION,
      );
  }

  /** The claim, or null when another tenant holds the name. */
  async claim(name: string, tenantId: string): Promise<NameClaim | null> {
    const key = normalizeTenantName(name);
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const claim = { key, token: randomUUID() };
      const document = { tenantId, name: name.trim(), claimedAt: this.options.clock.now() };
      try {
        await this.model.create({ _id: key, ...document, token: claim.token });
        return claim;
      } catch (error) {
        if (!asDuplicateKeyConflict(error)) throw error;
      }
      const held = await this.model.findById(key).lean<TenantNameDocument>();
      if (!held) continue; // released meanwhile: insert again
      if (held.tenantId !== tenantId && !(await this.isStale(held))) return null;
      const taken = await this.model.updateOne(
        { _id: key, tenantId: held.tenantId, token: held.token },
        { $set: { ...document, tenantId, token: claim.token } },
      );
      if (taken.matchedCount === 1) return claim;
    }
    return null;
  }

  /** Gives up the tenant's claim on a name it no longer carries (after a rename or a delete). */
  async release(name: string, tenantId: string): Promise<void> {
    await this.model.deleteOne({ _id: normalizeTenantName(name), tenantId });
  }

  /** Undoes one claim after its command failed, unless a later claim replaced it. */
  async abandon(claim: NameClaim): Promise<void> {
    await this.model.deleteOne({ _id: claim.key, token: claim.token });
  }

  private async isStale(held: TenantNameDocument): Promise<boolean> {
    const age = this.options.clock.now().getTime() - new Date(held.claimedAt).getTime();
    if (age < this.options.staleAfterMs) return false;
    return !(await this.options.ownerHasName(held.tenantId, held._id));
  }
}
