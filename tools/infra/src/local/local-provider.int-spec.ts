import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { Kafka, logLevel } from 'kafkajs';
import mongoose from 'mongoose';
import { tcpOpen } from '../docker-engine';
import type { Infrastructure } from '../types';
import { uniqueName } from '../unique-name';
import { startLocalInfrastructure } from './local-provider';
import { freePorts } from './ports';

// Calls the local provider directly: the jest global setup has already exported servers, so
// resolveInfrastructure() would only hand those back.
describe('local infrastructure', () => {
  let infra: Infrastructure;
  let ports: { kafka: number; kafkaController: number; mongo: number };
  // The global setup may run in this very process (jest runs small suites in band).
  const runDirs = () =>
    readdirSync(tmpdir()).filter((d) => d.startsWith(`extapps-infra-${process.pid}-`));
  let runDirsBefore: string[];

  beforeAll(async () => {
    const [kafka, kafkaController, mongo] = await freePorts(3);
    ports = { kafka, kafkaController, mongo };
    runDirsBefore = runDirs();
    const started = Date.now();
    infra = await startLocalInfrastructure({ ports, log: () => undefined });
    console.log(`local Kafka + FerretDB ready in ${Date.now() - started} ms`);
  }, 15 * 60_000);

  afterAll(async () => {
    await infra?.stop();
  });

  it('runs Kafka on the requested port and it answers the admin API', async () => {
    expect(infra.kafkaBrokers).toEqual([`127.0.0.1:${ports.kafka}`]);
    const admin = new Kafka({ brokers: infra.kafkaBrokers, logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
    try {
      const cluster = await admin.describeCluster();
      expect(cluster.brokers).toEqual([{ nodeId: 1, host: '127.0.0.1', port: ports.kafka }]);
      const topic = uniqueName('infra-probe');
      await admin.createTopics({ topics: [{ topic }], waitForLeaders: true });
      const [metadata] = (await admin.fetchTopicMetadata({ topics: [topic] })).topics;
      expect(metadata.partitions).toHaveLength(3);
    } finally {
      await admin.disconnect();
    }
  });

  it('runs FerretDB on the requested port and it answers a MongoDB ping and a write', async () => {
    expect(infra.mongoUrl).toBe(`mongodb://127.0.0.1:${ports.mongo}/`);
    const connection = await mongoose
      .createConnection(infra.mongoUrl, { dbName: uniqueName('infra') })
      .asPromise();
    try {
      expect(await connection.db?.admin().ping()).toMatchObject({ ok: 1 });
      await connection.collection('probe').insertOne({ hello: 'world' });
      expect(await connection.collection('probe').countDocuments()).toBe(1);
    } finally {
      await connection.close();
    }
  });

  it('stops both servers and removes its run directory', async () => {
    expect(runDirs()).toHaveLength(runDirsBefore.length + 1);

    await infra.stop();

    expect(await tcpOpen('127.0.0.1', ports.kafka, 500)).toBe(false);
    expect(await tcpOpen('127.0.0.1', ports.mongo, 500)).toBe(false);
    expect(runDirs()).toEqual(runDirsBefore);
  });
});
