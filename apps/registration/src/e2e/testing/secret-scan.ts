import { RunningService } from '@extapps/platform/testing';
import { withRawDb } from './raw-db';
import { TopicReader } from './topic-reader';

/**
 * Where any of `plaintexts` appears: every document of every collection of the service's
 * database (events, snapshots, views, names...), every message read from the topic, every log line.
 */
export async function findPlaintexts(
  env: { MONGO_URL?: string; MONGO_DB?: string },
  service: RunningService,
  topic: TopicReader,
  plaintexts: readonly string[],
): Promise<string[]> {
  const places: [string, string][] = [];
  await withRawDb(env, async (db) => {
    for (const { name } of await db.listCollections().toArray()) {
      const documents = await db.collection(name).find({}).toArray();
      places.push(...documents.map((d): [string, string] => [`mongo ${name}`, JSON.stringify(d)]));
    }
  });
  places.push(...topic.messages.map((m): [string, string] => ['kafka', m.value.toString('utf8')]));
  places.push(...service.logs.lines().map((l): [string, string] => ['log', JSON.stringify(l)]));
  if (places.length === 0) throw new Error('nothing was scanned');
  return places
    .filter(([, text]) => plaintexts.some((secret) => text.includes(secret)))
    .map(([where]) => where);
}
