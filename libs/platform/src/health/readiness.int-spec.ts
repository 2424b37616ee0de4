import { freePorts } from '@extapps/infra';
import { eventually } from '@extapps/testing';
import { probeService } from '../testing/probe-service';
import { RunningService, startService, testEnv } from '../testing/service-app';

/** Readiness answers within the check timeout (2 s) plus slack, never hangs on a dead server. */
const BOUND_MS = 5000;

async function timedReady(service: RunningService) {
  const started = Date.now();
  const response = await fetch(`${service.baseUrl}/health/ready`);
  return {
    status: response.status,
    body: await response.json(),
    elapsedMs: Date.now() - started,
  };
}

describe('readiness against real and unreachable servers', () => {
  let service: RunningService | undefined;
  afterEach(() => service?.close());

  it('is 200 with both checks up against the real servers', async () => {
    service = await startService(probeService);
    const ready = await eventually(async () => {
      const result = await timedReady(service as RunningService);
      if (result.status !== 200) throw new Error(JSON.stringify(result.body));
      return result;
    });
    expect(ready.body).toEqual({
      status: 'ok',
      checks: { mongo: 'up', kafka: 'up' },
    });
  });

  it('turns 503 naming kafka, within a bounded time, when Kafka is unreachable', async () => {
    // Free a moment ago, so nothing listens there: a server that is down.
    const [down] = await freePorts(1);
    service = await startService(
      probeService,
      testEnv('probe', { KAFKA_BROKERS: `127.0.0.1:${down}` }),
    );
    await eventually(async () => {
      const result = await timedReady(service as RunningService);
      // Mongo connects in the background; wait until only Kafka is left down.
      expect(result.body).toEqual({
        status: 'unavailable',
        checks: { mongo: 'up', kafka: 'down' },
      });
    });
    const { status, elapsedMs } = await timedReady(service);
    expect(status).toBe(503);
    expect(elapsedMs).toBeLessThan(BOUND_MS);
  });

  it('turns 503 naming mongo, within a bounded time, when MongoDB is unreachable', async () => {
    const [down] = await freePorts(1);
    service = await startService(
      probeService,
      testEnv('probe', {
        MONGO_URL: `mongodb://127.0.0.1:${down}/`,
      }),
    );
    const { status, body, elapsedMs } = await timedReady(service);
    expect(status).toBe(503);
    expect(body).toEqual({
      status: 'unavailable',
      checks: expect.objectContaining({ mongo: 'down' }),
    });
    expect(elapsedMs).toBeLessThan(BOUND_MS);
  });
});
