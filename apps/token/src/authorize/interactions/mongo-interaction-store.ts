import { Logger } from 'pino';
import { Connection, Model, Schema } from 'mongoose';
import { Interaction, InteractionStore, randomToken, storedIdOf } from './interaction';

interface InteractionDocument {
  /** SHA-256 of the id in the browser's cookie. */
  readonly _id: string;
  readonly query: string;
  readonly csrfToken: string;
  readonly user: { userId: string; username: string; displayName: string } | null;
  readonly expiresAt: Date;
}

const userSchema = new Schema(
  { userId: String, username: String, displayName: String },
  { _id: false, versionKey: false },
);

const interactionSchema = new Schema<InteractionDocument>(
  {
    _id: { type: String, required: true },
    query: { type: String, required: true },
    csrfToken: { type: String, required: true },
    user: { type: userSchema, default: null },
    expiresAt: { type: Date, required: true },
  },
  { versionKey: false },
);

export const INTERACTIONS_COLLECTION = 'authorization_interactions';
/** How often one instance clears interactions that were abandoned (never completed). */
const SWEEP_INTERVAL_MS = 60_000;

/**
 * Interactions in MongoDB, one document each, read and removed by `_id` only. FerretDB has no
 * TTL index, so expiry is checked on read, and abandoned documents are swept now and then by
 * whichever instance starts an interaction (a scan, at most once a minute per instance).
 */
export class MongoInteractionStore implements InteractionStore {
  private readonly model: Model<InteractionDocument>;
  private lastSweep = 0;

  constructor(
    connection: Connection,
    private readonly logger: Logger,
  ) {
    this.model =
      (connection.models['token:interactions'] as Model<InteractionDocument> | undefined) ??
      connection.model('token:interactions', interactionSchema, INTERACTIONS_COLLECTION);
  }

  async start(interaction: Interaction, now: Date): Promise<string> {
    const id = randomToken();
    await this.model.create({ _id: storedIdOf(id), ...interaction });
    this.sweep(now);
    return id;
  }

  async find(id: string, now: Date): Promise<Interaction | null> {
    const found = await this.model.findById(storedIdOf(id)).lean<InteractionDocument>().exec();
    if (!found || found.expiresAt.getTime() <= now.getTime()) return null;
    const { query, csrfToken, user, expiresAt } = found;
    return { query, csrfToken, user, expiresAt };
  }

  async end(id: string): Promise<boolean> {
    const { deletedCount } = await this.model.deleteOne({ _id: storedIdOf(id) }).exec();
    return deletedCount === 1;
  }

  private sweep(now: Date): void {
    if (now.getTime() - this.lastSweep < SWEEP_INTERVAL_MS) return;
    this.lastSweep = now.getTime();
    this.model
      .deleteMany({ expiresAt: { $lte: now } })
      .exec()
      .catch((error: unknown) => this.logger.warn({ err: error }, 'interaction sweep failed'));
  }
}
