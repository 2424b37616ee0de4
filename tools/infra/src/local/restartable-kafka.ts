import { existsSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { consoleLog, type Log } from '../types';
import { cacheRoot } from './cache';
import { ensureKafkaJars, launchKafka, type RunningKafka } from './kafka';
import { classArchiveOptions, copyKafkaStorage, ensureKafkaPrepared } from './kafka-prepared';
import { createRunDir } from './run-dir';

export interface RestartableKafkaOptions {
  log?: Log;
  /** Defaults to EXTAPPS_CACHE_DIR or ~/.cache/extapps. */
  cacheDir?: string;
  startupTimeoutMs?: number;
}

/** A single-node Kafka of one's own that a test may stop and start again. */
export interface RestartableKafka {
  /** The same across restarts. */
  readonly brokers: string[];
  isRunning(): boolean;
  /** Starts the broker on the same ports and data as before; a no-op while it runs. */
  start(): Promise<void>;
  /** Stops the broker (controlled shutdown); topics and messages stay for the next start. */
  stop(): Promise<void>;
  /** Stops it for good and deletes its data. Safe to call twice. */
  destroy(): Promise<void>;
}

/**
 * Starts a dedicated local Kafka (KRaft, one node) for tests that take the broker away, e.g.
 * "commands keep working while Kafka is down". Always runs the locally cached jars on the
 * installed Java, whichever provider serves the suite's shared Kafka, which must never be stopped.
 */
export async function startRestartableKafka(
  options: RestartableKafkaOptions = {},
): Promise<RestartableKafka> {
  const log = options.log ?? consoleLog;
  const cache = options.cacheDir ?? cacheRoot();
  const libs = await ensureKafkaJars(cache, log);
  const prepared = await ensureKafkaPrepared(cache, libs, log);
  const [brokerPort, controllerPort] = await stablePorts(2);
  const runDir = createRunDir();
  const dir = join(runDir, 'kafka');
  copyKafkaStorage(prepared, dir);
  const launch = {
    libs,
    dir,
    brokerPort,
    controllerPort,
    timeoutMs: options.startupTimeoutMs ?? 90_000,
    orphanDir: runDir,
    jvmOptions: classArchiveOptions(prepared),
  };

  let running: RunningKafka | undefined;
  let starts = 0;
  let destroyed = false;
  const kafka: RestartableKafka = {
    brokers: [`127.0.0.1:${brokerPort}`],
    isRunning: () => running !== undefined && !running.process.hasExited(),
    start: async () => {
      if (destroyed) throw new Error('this Kafka was destroyed');
      if (kafka.isRunning()) return;
      // launchKafka waits for "Kafka Server started" in kafka.log: an old log would say it at once.
      const logFile = join(dir, 'kafka.log');
      if (existsSync(logFile)) renameSync(logFile, join(dir, `kafka-${starts}.log`));
      starts += 1;
      running = await launchKafka(launch);
    },
    stop: async () => {
      await running?.process.stop(30_000);
      running = undefined;
    },
    destroy: async () => {
      destroyed = true;
      await kafka.stop();
      rmSync(runDir, { recursive: true, force: true });
    },
  };
  try {
    await kafka.start();
  } catch (error) {
    await kafka.destroy();
    throw error;
  }
  return kafka;
}

/**
 * Free ports below the OS range for outgoing connections and port-0 listeners: while the broker
 * is stopped, nothing else picks its ports by chance, so it can bind them again on restart.
 */
async function stablePorts(count: number): Promise<number[]> {
  const ceiling = ephemeralLowBound();
  const floor = Math.max(10_000, ceiling - 12_000);
  const ports: number[] = [];
  for (let attempt = 0; ports.length < count && attempt < 200; attempt++) {
    const port = floor + Math.floor(Math.random() * (ceiling - floor));
    if (!ports.includes(port) && (await canListen(port))) ports.push(port);
  }
  if (ports.length < count) throw new Error(`no ${count} free ports in ${floor}-${ceiling}`);
  return ports;
}

function ephemeralLowBound(): number {
  const range = '/proc/sys/net/ipv4/ip_local_port_range';
  const low = existsSync(range) ? Number(readFileSync(range, 'utf8').trim().split(/\s+/)[0]) : NaN;
  return Number.isInteger(low) && low > 11_000 ? low : 32_768;
}

function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}
