import { INestApplication } from '@nestjs/common';
import { captureLogs } from '../testing/log-capture';
import { createLogger } from '../logging/logger';
import { gracefulShutdown } from './shutdown';

type FakeApp = Pick<INestApplication, 'close' | 'getHttpAdapter'>;

function fakeApp(steps: string[], close: () => Promise<void> = async () => undefined): FakeApp {
  return {
    getHttpAdapter: () => ({ close: async () => void steps.push('http closed') }) as never,
    close: async () => {
      steps.push('app closing');
      await close();
      steps.push('app closed');
    },
  };
}

function setup(app: FakeApp) {
  const logs = captureLogs();
  const exits: number[] = [];
  const deadline = { fire: () => undefined as void, cancelled: false, ms: 0 };
  const shutdown = gracefulShutdown({
    app,
    logger: createLogger({
      service: 'test',
      level: 'info',
      destination: logs.destination,
    }),
    timeoutMs: 10_000,
    exit: (code) => void exits.push(code),
    startDeadline: (onExpiry, ms) => {
      Object.assign(deadline, { fire: onExpiry, ms });
      return () => (deadline.cancelled = true);
    },
  });
  return { shutdown, exits, deadline, logs };
}

describe('gracefulShutdown', () => {
  it('stops HTTP before running the module shutdown hooks, then exits 0', async () => {
    const steps: string[] = [];
    const { shutdown, exits, deadline } = setup(fakeApp(steps));
    await shutdown('SIGTERM');
    expect(steps).toEqual(['http closed', 'app closing', 'app closed']);
    expect(exits).toEqual([0]);
    expect(deadline).toMatchObject({ ms: 10_000, cancelled: true });
  });

  it('exits 1 with a log line when the deadline passes first', async () => {
    const { shutdown, exits, deadline, logs } = setup(
      fakeApp([], () => new Promise<void>(() => undefined)),
    );
    void shutdown('SIGTERM');
    await new Promise((resolve) => setImmediate(resolve));
    deadline.fire();
    expect(exits).toEqual([1]);
    expect(logs.lines().at(-1)).toMatchObject({
      level: 'fatal',
      msg: 'shutdown deadline exceeded; exiting',
    });
  });

  it('exits 1 when a shutdown hook fails', async () => {
    const { shutdown, exits, logs } = setup(
      fakeApp([], async () => {
        throw new Error('offset commit failed');
      }),
    );
    await shutdown('SIGINT');
    expect(exits).toEqual([1]);
    expect(logs.lines().at(-1)).toMatchObject({
      level: 'error',
      msg: 'shutdown failed',
    });
  });

  it('ignores a second signal while shutting down', async () => {
    const steps: string[] = [];
    const { shutdown, exits } = setup(fakeApp(steps));
    await Promise.all([shutdown('SIGTERM'), shutdown('SIGINT')]);
    expect(steps.filter((s) => s === 'http closed')).toHaveLength(1);
    expect(exits).toEqual([0]);
  });
});
