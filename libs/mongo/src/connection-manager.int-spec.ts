import { ConnectionStates } from 'mongoose';
import { connect, createServer, Server } from 'node:net';
import { freePorts } from '@extapps/infra';
import { eventually, uniqueName } from '@extapps/testing';
import { MongoConnectionManager, MongoLogger } from './connection-manager';
import { pingMongo } from './connection';

/** Remembers each message the manager logs, at any level. */
function recordingLogger(): MongoLogger & { messages: string[] } {
  const messages: string[] = [];
  const record = (_obj: object, msg?: string) => void messages.push(msg ?? '');
  return { messages, info: record, warn: record };
}

/** Forwards every connection on `port` to the real server: MongoDB "comes up" when this starts. */
async function forwardTo(port: number, target: URL): Promise<Server> {
  const server = createServer((client) => {
    const upstream = connect(Number(target.port), target.hostname);
    client.pipe(upstream).pipe(client);
    client.on('error', () => upstream.destroy());
    upstream.on('error', () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return server;
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

  it('connects once the server comes up after refused attempts', async () => {
    const waits: number[] = [];
    let wake: (() => void) | undefined;
    const sleep = (ms: number) =>
      new Promise<void>((resolve) => {
        waits.push(ms);
        wake = resolve;
      });
    const [port] = await freePorts(1);
    const manager = new MongoConnectionManager({
      url: `mongodb://127.0.0.1:${port}/`,
      dbName: uniqueName('mongo_late'),
      logger: recordingLogger(),
      sleep,
      serverSelectionTimeoutMs: 1_000,
    });
    await eventually(async () => expect(waits).toHaveLength(1));
    wake?.();
    await eventually(async () => expect(waits).toHaveLength(2));

    const proxy = await forwardTo(port, new URL(String(process.env['MONGO_URL'])));
    try {
      wake?.();
      await eventually(async () =>
        expect(manager.connection.readyState).toBe(ConnectionStates.connected),
      );
      expect(await pingMongo(manager.connection)).toBe(true);
      expect(waits).toHaveLength(2);
    } finally {
      await manager.close();
      await new Promise((resolve) => proxy.close(resolve));
    }
  });
});
