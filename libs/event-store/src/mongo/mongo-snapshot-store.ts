import { asDuplicateKeyConflict } from '@extapps/mongo';
import { Connection, Model, Schema } from 'mongoose';
import { Snapshot, SnapshotStore } from '../ports';

export interface SnapshotStoreOptions {
  readonly collection: string;
  /**
   * The shape of the state the caller folds. Bump it whenever that shape changes: snapshots of
   * another schema version are ignored (the stream is folded from its events instead).
   */
  readonly schemaVersion: number;
}

interface SnapshotDocument {
  readonly _id: string;
  readonly version: number;
  readonly schemaVersion: number;
  readonly state: unknown;
}

const snapshotSchema = new Schema<SnapshotDocument>(
  {
    _id: { type: String, required: true },
    version: { type: Number, required: true },
    schemaVersion: { type: Number, required: true },
    state: { type: Schema.Types.Mixed },
  },
  { versionKey: false, minimize: false },
);

/**
 * One document per stream holding its newest snapshot. The state is stored as BSON: it must be
 * plain data (no class instances, no undefined values that must survive).
 *
 * Caveat: FerretDB 1.x applies the conditional update as read, then rewrite, so of two saves of
 * one stream at the same moment the older may win. That is still a valid snapshot (loading folds
 * a longer tail), so no lock is worth it; MongoDB keeps the newest.
 */
export class MongoSnapshotStore<S> implements SnapshotStore<S> {
  private readonly model: Model<SnapshotDocument>;

  constructor(
    connection: Connection,
    private readonly options: SnapshotStoreOptions,
  ) {
    const name = `snapshot-store:${options.collection}`;
    this.model =
      (connection.models[name] as Model<SnapshotDocument> | undefined) ??
      connection.model<SnapshotDocument>(name, snapshotSchema, options.collection);
  }

  async load(streamId: string): Promise<Snapshot<S> | null> {
    const document = await this.model
      .findOne({ _id: streamId, schemaVersion: this.options.schemaVersion })
      .lean<SnapshotDocument>();
    return document ? { streamId, version: document.version, state: document.state as S } : null;
  }

  async save(snapshot: Snapshot<S>): Promise<void> {
    const { schemaVersion } = this.options;
    try {
      // Replaces an older snapshot, or one of another schema; a newer one makes the filter miss,
      // and the upsert's insert then collides with the existing document: nothing to do.
      await this.model.updateOne(
        {
          _id: snapshot.streamId,
          $or: [{ version: { $lt: snapshot.version } }, { schemaVersion: { $ne: schemaVersion } }],
        },
        { $set: { version: snapshot.version, schemaVersion, state: snapshot.state } },
        { upsert: true },
      );
    } catch (error) {
      if (!asDuplicateKeyConflict(error)) throw error;
    }
  }
}
