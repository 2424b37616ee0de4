import { Connection, mongo } from 'mongoose';
import { ChainCollections, databaseOf, insertPrefix } from '../chain/chain-documents';
import { CheckpointDocument } from './checkpoint';

/** `audit_checkpoints`: few documents (one per N records or T seconds), so scans stay cheap. */
export class CheckpointStore {
  constructor(private readonly connection: Connection) {}

  /** False when a checkpoint at that seq exists already (another chainer signed it first). */
  async insert(checkpoint: CheckpointDocument): Promise<boolean> {
    return (await insertPrefix(this.collection(), [checkpoint])) === 1;
  }

  at(seq: number): Promise<CheckpointDocument | null> {
    return this.collection().findOne({ _id: seq });
  }

  async latest(): Promise<CheckpointDocument | null> {
    const [latest] = await this.collection().find({}).sort({ _id: -1 }).limit(1).toArray();
    return latest ?? null;
  }

  /** The newest checkpoint of a record recorded before `instant` (ISO strings sort as time). */
  async newestRecordedBefore(instant: string): Promise<CheckpointDocument | null> {
    const [newest] = await this.collection()
      .find({ recordedAt: { $lt: instant } })
      .sort({ _id: -1 })
      .limit(1)
      .toArray();
    return newest ?? null;
  }

  /** Checkpoints with `after < seq <= through`, in seq order, streamed. */
  range(after: number, through: number): AsyncIterable<CheckpointDocument> {
    return this.collection()
      .find({ _id: { $gt: after, $lte: through } })
      .sort({ _id: 1 })
      .batchSize(500);
  }

  async deleteBelow(seq: number): Promise<number> {
    return (await this.collection().deleteMany({ _id: { $lt: seq } })).deletedCount;
  }

  private collection(): mongo.Collection<CheckpointDocument> {
    return databaseOf(this.connection).collection<CheckpointDocument>(ChainCollections.checkpoints);
  }
}
