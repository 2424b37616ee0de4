import { ConnectionStates } from 'mongoose';
import { freePorts } from '@extapps/infra';
import { eventually, uniqueName } from '@extapps/testing';
import { MongoConnectionManager, MongoLogger } from './connection-manager';

/** Remembers each message the manager logs, at any level. */
function recordingLogger(): MongoLogger & { messages: string[] } {
  const messages: string[] = [];
  const record = (_obj: object, msg?: string) => void messages.push(msg ?? '');
  return { messages, info: record, warn: record };
}

describe('MongoConnectionManager', () => {
  it('connects to the real server with the configured database and closes', async () => {
    const dbName = uniqueName('mongo_conn');
    const manager = new MongoConnectionManager({
      url: String(process.env['MONGO_URL']),
      dbName,
      logger: recordingLogger(),
    });
    await eventually(async () =>
      expect(manager.connection.readyState).toBe(ConnectionStates.connected),
    );
    expect(manager.connection.db?.databaseName).toBe(dbName);
    await manager.close();
    expect(manager.connection.readyState).toBe(ConnectionStates.disconnected);
  });

  it('keeps retrying with growing backoff while the server is down, and stops when closed', async () => {
    const waits: number[] = [];
    let wake: (() => void) | undefined;
    const sleep = (ms: number, signal: AbortSignal) =>
      new Promise<void>((resolve, reject) => {
        waits.push(ms);
        wake = resolve;
        signal.addEventListener('abort', () => reject(signal.reason));
      });
    const [port] = await freePorts(1);
    const logger = recordingLogger();
    const manager = new MongoConnectionManager({
      url: `mongodb://127.0.0.1:${port}/`,
      dbName: 'unused',
      logger,
      sleep,
      serverSelectionTimeoutMs: 200,
    });
    for (let attempt = 1; attempt <= 3; attempt++) {
      await eventually(async () => expect(waits).toHaveLength(attempt));
      wake?.();
    }
    await eventually(async () => expect(waits).toHaveLength(4));
    expect(waits).toEqual([500, 1000, 2000, 4000]);
    await manager.close();
    expect(manager.connection.readyState).toBe(ConnectionStates.disconnected);
    expect(logger.messages.filter((m) => m === 'mongo connect failed; retrying')).toHaveLength(4);
  });
});
