import { asDuplicateKeyConflict } from '@extapps/mongo';
import { Connection, Model, Schema } from 'mongoose';
import { checkLeaseOptions, Lease, LeaseOptions } from './lease';

/** One term of a lease: who held it and until when. The latest term is the lease. */
interface LeaseTermDocument {
  /** `<name>#<term>`: unique, so exactly one claimant can open a term. */
  readonly _id: string;
  readonly name: string;
  readonly term: number;
  readonly owner: string;
  readonly expiresAt: Date;
}

const leaseSchema = new Schema<LeaseTermDocument>(
  {
    _id: { type: String, required: true },
    name: { type: String, required: true },
    term: { type: Number, required: true },
    owner: { type: String, required: true },
    expiresAt: { type: Date, required: true },
  },
  { versionKey: false },
);

export const LEASES_COLLECTION = 'leases';

/**
 * A lease in the `leases` collection, taken over by inserting its next term. Why not one document
 * per lease claimed with a conditional findOneAndUpdate: FerretDB 1.x applies updates as read,
 * then rewrite, so several claimants of an expired lease would all "win". Inserts under a unique
 * _id are decided atomically on both servers; only the holder ever updates its own term (to renew
 * or release it), where a lost race cannot hand the lease to two owners.
 */
export class MongoLease implements Lease {
  private readonly model: Model<LeaseTermDocument>;
  private readonly options: LeaseOptions;

  constructor(connection: Connection, options: LeaseOptions) {
    this.options = checkLeaseOptions(options);
    this.model =
      (connection.models['event-store:leases'] as Model<LeaseTermDocument> | undefined) ??
      connection.model<LeaseTermDocument>('event-store:leases', leaseSchema, LEASES_COLLECTION);
  }

  async tryAcquire(): Promise<boolean> {
    const { owner, ttlMs, clock } = this.options;
    const now = clock.now();
    const expiresAt = new Date(now.getTime() + ttlMs);
    const latest = await this.latest();
    if (latest && latest.expiresAt > now) {
      if (latest.owner !== owner) return false;
      await this.model.updateOne({ _id: latest._id, owner }, { $set: { expiresAt } });
      return true;
    }
    return this.claim((latest?.term ?? 0) + 1, expiresAt);
  }

  async release(): Promise<void> {
    const latest = await this.latest();
    if (latest?.owner !== this.options.owner) return;
    await this.model.updateOne(
      { _id: latest._id, owner: latest.owner },
      { $set: { expiresAt: new Date(0) } },
    );
  }

  private async claim(term: number, expiresAt: Date): Promise<boolean> {
    const { name, owner } = this.options;
    try {
      await this.model.create({ _id: `${name}#${term}`, name, term, owner, expiresAt });
    } catch (error) {
      if (asDuplicateKeyConflict(error)) return false;
      throw error;
    }
    // A claimant that read a term long ago could open a term that was pruned: it holds nothing
    // unless its term is the latest.
    if ((await this.latest())?.term !== term) return false;
    await this.model.deleteMany({ name, term: { $lt: term } });
    return true;
  }

  private latest(): Promise<LeaseTermDocument | null> {
    return this.model
      .findOne({ name: this.options.name })
      .sort({ term: -1 })
      .lean<LeaseTermDocument>()
      .exec();
  }
}
