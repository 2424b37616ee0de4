import { Model } from 'mongoose';
import { StoredEvent, WorkQueue } from '../ports';
import { EventDocument, toStored } from './event-document';

/**
 * One queue of a MongoEventStore: the events whose `pending.<queue>` flag is still set.
 *
 * Caveat: FerretDB 1.x rewrites the whole document on every update, so acknowledgements of two
 * queues on the same event at the same time can bring back the other queue's flag; the event is
 * then handled once more (a duplicate, never a loss). The store serializes its own queues'
 * acknowledgements (`serial`), which removes the race between the workers of one process; workers
 * of one store on different instances can still meet it. MongoDB updates atomically.
 */
export class MongoWorkQueue implements WorkQueue {
  private readonly flag: string;

  constructor(
    private readonly model: Model<EventDocument>,
    name: string,
    private readonly serial: <T>(work: () => Promise<T>) => Promise<T>,
  ) {
    this.flag = `pending.${name}`;
  }

  async pending(limit: number): Promise<StoredEvent[]> {
    const documents = await this.model
      .find({ [this.flag]: true })
      .sort({ position: 1 })
      .limit(limit)
      .lean<EventDocument[]>();
    return documents.map(toStored);
  }

  async acknowledge(eventIds: readonly string[]): Promise<void> {
    if (eventIds.length === 0) return;
    await this.serial(() =>
      this.model.updateMany({ _id: { $in: eventIds } }, { $unset: { [this.flag]: 1 } }),
    );
  }
}

/** Runs the given works one after another, in call order. */
export function serialized(): <T>(work: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(work: () => Promise<T>) => {
    const result = tail.then(work);
    tail = result.catch(() => undefined);
    return result;
  };
}
