import { createTestHttpApp, HttpAppUnderTest } from '../testing/http-app';
import { HealthIndicator } from './health-indicator';

const indicator = (name: string, isUp: () => boolean): HealthIndicator => ({
  name,
  check: async () => {
    if (!isUp()) throw new Error(`${name} unreachable at 10.1.2.3:9092`);
  },
});

describe('health endpoints', () => {
  let subject: HttpAppUnderTest;
  let kafkaUp = true;

  beforeEach(async () => {
    kafkaUp = true;
    subject = await createTestHttpApp({
      indicators: [indicator('mongo', () => true), indicator('kafka', () => kafkaUp)],
    });
  });
  afterEach(() => subject.app.close());

  it('answers ready with 200 while every dependency is up', async () => {
    const response = await subject.app.inject({
      method: 'GET',
      url: '/health/ready',
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    expect(response.json()).toEqual({
      status: 'ok',
      checks: { mongo: 'up', kafka: 'up' },
    });
  });

  it('answers ready with 503 naming the failed check, without internal details, and logs why', async () => {
    kafkaUp = false;
    const response = await subject.app.inject({
      method: 'GET',
      url: '/health/ready',
    });
    expect(response.statusCode).toBe(503);
    expect(response.json()).toEqual({
      status: 'unavailable',
      checks: { mongo: 'up', kafka: 'down' },
    });
    expect(response.body).not.toContain('10.1.2.3');
    expect(subject.logs.lines().find((l) => l['msg'] === 'not ready')).toMatchObject({
      level: 'warn',
      failures: [{ name: 'kafka', reason: 'kafka unreachable at 10.1.2.3:9092' }],
    });
  });

  it('answers live with 200 even when a dependency is down', async () => {
    kafkaUp = false;
    const response = await subject.app.inject({
      method: 'GET',
      url: '/health/live',
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok' });
  });
});
