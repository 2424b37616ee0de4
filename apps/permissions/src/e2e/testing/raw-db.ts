import { connectMongo } from '@extapps/mongo';
import { Connection } from 'mongoose';

/** The service's database as stored, read without the service's code. */
export async function withRawDb<T>(
  env: { MONGO_URL?: string; MONGO_DB?: string },
  read: (db: NonNullable<Connection['db']>) => Promise<T>,
): Promise<T> {
  const connection = await connectMongo({
    url: String(env.MONGO_URL),
    dbName: String(env.MONGO_DB),
  });
  try {
    if (!connection.db) throw new Error('no database handle');
    return await read(connection.db);
  } finally {
    await connection.close();
  }
}
