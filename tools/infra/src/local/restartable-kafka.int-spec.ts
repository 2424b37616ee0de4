import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { Kafka, logLevel } from 'kafkajs';
import { tcpOpen } from '../docker-engine';
import { uniqueName } from '../unique-name';
import { startRestartableKafka, type RestartableKafka } from './restartable-kafka';

const runDirs = () =>
  readdirSync(tmpdir()).filter((d) => d.startsWith(`extapps-infra-${process.pid}-`));

async function withAdmin<T>(
  brokers: string[],
  work: (admin: ReturnType<Kafka['admin']>) => Promise<T>,
) {
  const admin = new Kafka({
    brokers,
    clientId: uniqueName('restart'),
    logLevel: logLevel.NOTHING,
  }).admin();
  await admin.connect();
  try {
    return await work(admin);
  } finally {
    await admin.disconnect();
  }
}

describe('restartable local Kafka', () => {
  let kafka: RestartableKafka;
  let port: number;
  const topic = uniqueName('restart');
  let runDirsBefore: string[];

  beforeAll(async () => {
    runDirsBefore = runDirs();
    kafka = await startRestartableKafka({ log: () => undefined });
    port = Number(kafka.brokers[0].split(':')[1]);
  }, 180_000);

  afterAll(() => kafka?.destroy(), 60_000);

  it('runs a broker that takes messages', async () => {
    expect(kafka.isRunning()).toBe(true);
    const client = new Kafka({
      brokers: kafka.brokers,
      clientId: uniqueName('p'),
      logLevel: logLevel.NOTHING,
    });
    const producer = client.producer();
    await producer.connect();
    await producer.send({ topic, messages: [{ key: 'k', value: 'kept' }] });
    await producer.disconnect();
  }, 60_000);

  it('stops: the broker is gone', async () => {
    await kafka.stop();

    expect(kafka.isRunning()).toBe(false);
    expect(await tcpOpen('127.0.0.1', port, 500)).toBe(false);
  }, 60_000);

  it('starts again on the same port with the messages it had', async () => {
    await kafka.start();

    expect(kafka.brokers).toEqual([`127.0.0.1:${port}`]);
    const offsets = await withAdmin(kafka.brokers, (admin) => admin.fetchTopicOffsets(topic));
    expect(offsets.reduce((sum, p) => sum + Number(p.high), 0)).toBe(1);
  }, 120_000);

  it('is destroyed with its data directory, and cannot start again', async () => {
    expect(runDirs()).toHaveLength(runDirsBefore.length + 1);

    await kafka.destroy();
    await kafka.destroy();

    expect(await tcpOpen('127.0.0.1', port, 500)).toBe(false);
    expect(runDirs()).toEqual(runDirsBefore);
    await expect(kafka.start()).rejects.toThrow(/destroyed/);
  }, 60_000);
});
