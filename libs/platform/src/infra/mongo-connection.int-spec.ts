import { ConnectionStates } from 'mongoose';
import { createLogger } from '../logging/logger';
import { captureLogs } from '../testing/log-capture';
import { pollUntil } from '../testing/poll';
import { closedPort } from '../testing/ports';
import { MongoConnectionManager } from './mongo-connection';

const logs = captureLogs();
const logger = createLogger({
  service: 'test',
  level: 'debug',
  destination: logs.destination,
});

describe('MongoConnectionManager', () => {
  it('connects to the real server with the configured database and closes', async () => {
    const manager = new MongoConnectionManager({
      url: String(process.env['MONGO_URL']),
      dbName: 'platform_conn_test',
      logger,
    });
    await pollUntil(async () =>
      expect(manager.connection.readyState).toBe(ConnectionStates.connected),
    );
    expect(manager.connection.db?.databaseName).toBe('platform_conn_test');
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
    const url = `mongodb://127.0.0.1:${await closedPort()}/`;
    const manager = new MongoConnectionManager({
      url,
      dbName: 'unused',
      logger,
      sleep,
      serverSelectionTimeoutMS: 200,
    });
    for (let attempt = 1; attempt <= 3; attempt++) {
      await pollUntil(async () => expect(waits).toHaveLength(attempt));
      wake?.();
    }
    await pollUntil(async () => expect(waits).toHaveLength(4));
    expect(waits).toEqual([500, 1000, 2000, 4000]);
    await manager.close();
    expect(manager.connection.readyState).toBe(ConnectionStates.disconnected);
    expect(
      logs.lines().filter((l) => l['msg'] === 'mongo connect failed; retrying'),
    ).toHaveLength(4);
  });
});
