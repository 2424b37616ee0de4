import { connectMongo } from '@extapps/mongo';
import { uniqueName } from '@extapps/testing';
import { Connection } from 'mongoose';

/**
 * A connection to a database of its own on the server the jest global setup resolved, opened
 * before the enclosing suite and dropped after it.
 */
export function mongoTestDatabase(prefix: string): () => Connection {
  let connection: Connection | undefined;
  beforeAll(async () => {
    connection = await connectMongo({
      url: String(process.env['MONGO_URL']),
      dbName: uniqueName(prefix),
    });
  });
  afterAll(async () => {
    await connection?.dropDatabase();
    await connection?.close();
  });
  return () => {
    if (!connection) throw new Error('the test database is not open');
    return connection;
  };
}
