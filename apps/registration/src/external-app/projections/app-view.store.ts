import { asDuplicateKeyConflict } from '@extapps/mongo';
import { mongo } from 'mongoose';
import { AppView } from './app-view';
import { AppViewDocument, AppViewModel, fromDocument, toDocument } from './app-view.model';

/**
 * Reads and conditional writes of app views. Writes go through the driver (no mongoose casting):
 * toDocument already yields the exact stored shape, and the rebuild writes millions of them.
 */
export class AppViewStore {
  private readonly collection: mongo.Collection<AppViewDocument>;

  constructor(readonly model: AppViewModel) {
    // Still mongoose's buffering wrapper: writes wait for the connection like queries do.
    this.collection = model.collection as unknown as mongo.Collection<AppViewDocument>;
  }

  async load(id: string): Promise<AppView | null> {
    const document = await this.model.findById(id).lean<AppViewDocument>();
    return document ? fromDocument(document) : null;
  }

  async loadMany(ids: readonly string[]): Promise<Map<string, AppView>> {
    if (ids.length === 0) return new Map();
    const documents = await this.model.find({ _id: { $in: ids } }).lean<AppViewDocument[]>();
    return new Map(documents.map((d) => [d._id, fromDocument(d)]));
  }

  /**
   * Writes `view` only if the stored one is still at `previousVersion` (null: none stored yet).
   * False means another projector got there first: re-read and fold again.
   */
  async replace(view: AppView, previousVersion: number | null): Promise<boolean> {
    const document = toDocument(view);
    if (previousVersion === null) {
      try {
        await this.collection.insertOne(document);
        return true;
      } catch (error) {
        if (asDuplicateKeyConflict(error)) return false;
        throw error;
      }
    }
    const result = await this.collection.replaceOne(
      { _id: view.id, version: previousVersion },
      document,
    );
    return result.matchedCount === 1;
  }

  /**
   * Inserts views no one has stored yet, in chunks. Inserting is the cheap write everywhere (on
   * FerretDB with SQLite any other write scans the collection); a view someone else stored
   * meanwhile (a live projector beside a rebuild) collides and is then written conditionally.
   */
  async insertMany(views: readonly AppView[]): Promise<void> {
    for (let start = 0; start < views.length; start += INSERT_CHUNK) {
      const chunk = views.slice(start, start + INSERT_CHUNK);
      try {
        await this.collection.insertMany(chunk.map(toDocument), { ordered: false });
      } catch (error) {
        if (!onlyDuplicates(error)) throw error;
        await this.upsertMany(chunk);
      }
    }
  }

  /**
   * Upserts many views in one round trip, each only over an older version: a view is a pure fold
   * of its stream, so a stored one at the same or a newer version is already right. Such a write
   * turns into an insert that collides on `_id`, which is ignored.
   */
  async upsertMany(views: readonly AppView[]): Promise<void> {
    if (views.length === 0) return;
    const operations = views.map((view) => ({
      replaceOne: {
        filter: { _id: view.id, version: { $lt: view.version } },
        replacement: toDocument(view),
        upsert: true,
      },
    }));
    try {
      await this.collection.bulkWrite(operations, { ordered: false });
    } catch (error) {
      if (!onlyDuplicates(error)) throw error;
    }
  }

  /** Drops every view (for a rebuild); a missing collection is already dropped. */
  async drop(): Promise<void> {
    try {
      await this.collection.drop();
    } catch (error) {
      if ((error as { codeName?: unknown }).codeName !== 'NamespaceNotFound') throw error;
    }
  }

  /** Creates the indexes declared on the schema; autoIndex is off on every connection of ours. */
  async createIndexes(): Promise<void> {
    await this.model.createIndexes();
  }
}

const INSERT_CHUNK = 1000;

/** The driver reports one write error as an object and several as an array. */
function onlyDuplicates(error: unknown): boolean {
  const reported = (error as { writeErrors?: unknown }).writeErrors;
  if (reported === undefined || reported === null) return false;
  const writeErrors = Array.isArray(reported) ? reported : [reported];
  return (
    writeErrors.length > 0 && writeErrors.every((w) => asDuplicateKeyConflict(w) !== undefined)
  );
}
