import type { Connection } from 'mongoose';
import { rate, Stopwatch } from './stopwatch';

export interface ReadResult {
  readonly events: number;
  readonly seconds: number;
  readonly perSecond: number;
}

/**
 * The floor any rebuild stands on: one driver cursor over the whole collection, documents
 * decoded and counted, nothing else. The rebuild reads with the same batch size, so the ratio
 * between the two is what folding and writing the views costs on top of reading.
 */
export async function rawCursorRead(
  connection: Connection,
  collection: string,
  batchSize: number,
): Promise<ReadResult> {
  const clock = new Stopwatch();
  const cursor = connection.collection(collection).find({}, { batchSize });
  let events = 0;
  try {
    for await (const document of cursor) if (document) events++;
  } finally {
    await cursor.close();
  }
  const seconds = clock.seconds();
  return { events, seconds, perSecond: rate(events, seconds) };
}
