import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { tcpOpen } from '../docker-engine';
import type { Log } from '../types';
import { waitUntil } from '../wait';
import { ensureCached } from './cache';
import { spawnOwned, type OwnedProcess } from './process';
import { tailFile } from './run-dir';
import { runCommand } from './run-command';

export const KAFKA_VERSION = '4.1.1';
export const KAFKA_DIR = resolve(__dirname, '..', '..', 'kafka');

/** The broker classpath (jars from Maven Central), fetched once into the cache. */
export async function ensureKafkaJars(cache: string, log: Log): Promise<string> {
  const dir = await ensureCached({
    root: cache,
    name: `kafka-${KAFKA_VERSION}`,
    log,
    build: async (tmp) => {
      log(
        `[infra] fetching Kafka ${KAFKA_VERSION} jars from Maven Central (first run only, about a minute)`,
      );
      const pom = join(KAFKA_DIR, 'pom.xml');
      const args = [
        '-B',
        '-q',
        '-f',
        pom,
        'dependency:copy-dependencies',
        '-DincludeScope=runtime',
        `-DoutputDirectory=${join(tmp, 'libs')}`,
      ];
      await runCommand('mvn', args, { log, label: 'fetching Kafka jars' });
      log(`[infra] Kafka jars cached in ${cache}`);
    },
  });
  return join(dir, 'libs');
}

export interface KafkaLaunch {
  libs: string;
  /** Directory for server.properties, the log and the data; must exist. */
  dir: string;
  brokerPort: number;
  controllerPort: number;
  timeoutMs: number;
  /** Deleted by the watchdog if the owner dies. */
  orphanDir?: string;
  /** Extra JVM options (class-data sharing). */
  jvmOptions?: string[];
}

export interface RunningKafka {
  readonly brokers: string[];
  readonly process: OwnedProcess;
  readonly logFile: string;
}

/** Starts a broker+controller on already formatted storage in `dir/data`; resolves when ready. */
export async function launchKafka(launch: KafkaLaunch): Promise<RunningKafka> {
  const properties = writeServerProperties(launch.dir, launch.brokerPort, launch.controllerPort);
  const logFile = join(launch.dir, 'kafka.log');
  const jvm = [
    '-Xms256m',
    '-Xmx512m',
    '-XX:+UseG1GC',
    '-XX:MaxGCPauseMillis=20',
    // A test broker lives minutes: C1 alone starts faster and leaves the CPUs to the tests.
    '-XX:TieredStopAtLevel=1',
    `-Dlog4j2.configurationFile=${join(KAFKA_DIR, 'log4j2.properties')}`,
    ...(launch.jvmOptions ?? []),
  ];
  const proc = spawnOwned({
    command: 'java',
    args: [...jvm, '-cp', join(launch.libs, '*'), 'kafka.Kafka', properties],
    logFile,
    orphanDir: launch.orphanDir,
  });
  await waitUntil(
    async () => {
      if (proc.hasExited()) throw new Error(`Kafka exited during start-up:\n${tailFile(logFile)}`);
      return (
        readLog(logFile).includes('Kafka Server started') &&
        tcpOpen('127.0.0.1', launch.brokerPort, 1000)
      );
    },
    {
      timeoutMs: launch.timeoutMs,
      describe: () => `Kafka not ready after ${launch.timeoutMs} ms:\n${tailFile(logFile)}`,
    },
  ).catch(async (error: unknown) => {
    await proc.stop();
    throw error;
  });
  return { brokers: [`127.0.0.1:${launch.brokerPort}`], process: proc, logFile };
}

export function writeServerProperties(
  dir: string,
  brokerPort: number,
  controllerPort: number,
): string {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'server.properties');
  writeFileSync(file, serverProperties(brokerPort, controllerPort, join(dir, 'data')));
  return file;
}

function readLog(path: string): string {
  return existsSync(path) ? readFileSync(path, 'utf8') : '';
}

export function serverProperties(
  brokerPort: number,
  controllerPort: number,
  dataDir: string,
): string {
  return [
    'process.roles=broker,controller',
    'node.id=1',
    // Static voters (not --standalone): formatted storage then holds no address, so one
    // formatted template serves every run whatever its ports.
    `controller.quorum.voters=1@127.0.0.1:${controllerPort}`,
    `listeners=PLAINTEXT://127.0.0.1:${brokerPort},CONTROLLER://127.0.0.1:${controllerPort}`,
    `advertised.listeners=PLAINTEXT://127.0.0.1:${brokerPort}`,
    'controller.listener.names=CONTROLLER',
    'inter.broker.listener.name=PLAINTEXT',
    'listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT',
    `log.dirs=${dataDir}`,
    // One broker: every internal topic must live with replication factor and min ISR 1.
    'offsets.topic.replication.factor=1',
    // The default 50 partitions make the first consumer-group join take seconds.
    'offsets.topic.num.partitions=1',
    'transaction.state.log.replication.factor=1',
    'transaction.state.log.min.isr=1',
    'share.coordinator.state.topic.replication.factor=1',
    'share.coordinator.state.topic.min.isr=1',
    'group.initial.rebalance.delay.ms=0',
    // Tests produce to fresh unique topics; 3 partitions exercise per-key ordering like production.
    'auto.create.topics.enable=true',
    'num.partitions=3',
    '',
  ].join('\n');
}
