import { EventDocument, EventStore, StoredEvent } from '@extapps/event-store';
import { Connection } from 'mongoose';

/** The log in batches, roughly oldest first: the rebuild copes with a stream's events out of order. */
export type EventBatches = AsyncIterable<readonly StoredEvent[]>;

/** Through the store's port: one query per batch, for any EventStore. */
export async function* pagedEvents(store: EventStore, batchSize: number): EventBatches {
  let afterPosition = 0;
  for (;;) {
    const batch = await store.readAll({ afterPosition, limit: batchSize });
    if (batch.length === 0) return;
    yield batch;
    afterPosition = (batch[batch.length - 1] as StoredEvent).position;
  }
}

/**
 * One cursor over the MongoDB event collection, in its natural order: one scan of the log,
 * however long. Paging by position instead costs a query per batch, and servers that cannot
 * use the position index for it (FerretDB on SQLite) scan the whole collection every time.
 */
export async function* cursorEvents(
  connection: Connection,
  collection: string,
  batchSize: number,
): EventBatches {
  const cursor = connection
    .collection<EventDocument>(collection)
    .find({}, { projection: { pending: 0 }, batchSize });
  let batch: StoredEvent[] = [];
  try {
    for await (const document of cursor) {
      batch.push(toStored(document as EventDocument));
      if (batch.length < batchSize) continue;
      yield batch;
      batch = [];
    }
    if (batch.length > 0) yield batch;
  } finally {
    await cursor.close();
  }
}

function toStored({ _id, position, pending: _pending, ...envelope }: EventDocument): StoredEvent {
  return { position, event: { eventId: _id, ...envelope } };
}
