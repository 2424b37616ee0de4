import { asDuplicateKeyConflict } from '@extapps/mongo';
import { Connection, Model, Schema } from 'mongoose';

interface CounterDocument {
  readonly _id: string;
  readonly value: number;
}

const counterSchema = new Schema<CounterDocument>(
  { _id: { type: String, required: true }, value: { type: Number, required: true } },
  { versionKey: false },
);

const COUNTERS = 'counters';
const MAX_ATTEMPTS = 3;

/**
 * Hands out increasing numbers from one document with `$inc`. A number taken by an append that
 * then fails is never reused: positions may have gaps.
 *
 * Caveat: `$inc` is atomic on MongoDB but not on FerretDB 1.x, which reads and rewrites the
 * document, so concurrent callers there may get the same number (and the counter may even fall
 * back). Callers therefore treat the number as a candidate that a unique index confirms, and
 * raise the counter when they find it behind.
 */
export class PositionCounter {
  private readonly model: Model<CounterDocument>;

  constructor(
    connection: Connection,
    private readonly key: string,
  ) {
    this.model =
      (connection.models['event-store:counters'] as Model<CounterDocument> | undefined) ??
      connection.model<CounterDocument>('event-store:counters', counterSchema, COUNTERS);
  }

  async next(): Promise<number> {
    for (let attempt = 1; ; attempt++) {
      try {
        const counter = await this.model
          .findOneAndUpdate({ _id: this.key }, { $inc: { value: 1 } }, { upsert: true, new: true })
          .lean();
        if (!counter) throw new Error(`counter ${this.key} was not returned by its upsert`);
        return counter.value;
      } catch (error) {
        // Two first-ever upserts race to insert the document; the loser finds it on a retry.
        if (!asDuplicateKeyConflict(error) || attempt >= MAX_ATTEMPTS) throw error;
      }
    }
  }

  /** Moves the counter up to at least `value` (never down). */
  async raiseTo(value: number): Promise<void> {
    await this.model.updateOne({ _id: this.key, value: { $lt: value } }, { $set: { value } });
  }
}
