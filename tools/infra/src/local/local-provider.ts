import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { consoleLog, type Infrastructure, type Log } from '../types';
import { cacheRoot } from './cache';
import { ensureFerretDbBinary, startFerretDb } from './ferretdb';
import { ensureKafkaJars, launchKafka, type RunningKafka } from './kafka';
import {
  classArchiveOptions,
  copyKafkaStorage,
  ensureKafkaPrepared,
  type KafkaPrepared,
} from './kafka-prepared';
import { freePorts } from './ports';
import { createRunDir } from './run-dir';

export interface LocalPorts {
  kafka: number;
  kafkaController: number;
  mongo: number;
}

export interface LocalInfrastructureOptions {
  log?: Log;
  /** Defaults to EXTAPPS_CACHE_DIR or ~/.cache/extapps. */
  cacheDir?: string;
  /** Defaults to free ports chosen by the OS. */
  ports?: LocalPorts;
  startupTimeoutMs?: number;
}

/**
 * Kafka (KRaft, single node) and FerretDB as child processes of this one, on fresh data
 * directories; the first run fetches and builds them into the cache.
 */
export async function startLocalInfrastructure(
  options: LocalInfrastructureOptions = {},
): Promise<Infrastructure> {
  const log = options.log ?? consoleLog;
  const cache = options.cacheDir ?? cacheRoot();
  const timeoutMs = options.startupTimeoutMs ?? 90_000;
  const [kafkaRuntime, binary] = await Promise.all([
    ensureKafka(cache, log),
    ensureFerretDbBinary(cache, log),
  ]);
  const ports = options.ports ?? (await pickPorts());
  const runDir = createRunDir();

  const [kafka, ferret] = await Promise.allSettled([
    startKafka(kafkaRuntime, runDir, ports, timeoutMs),
    startFerretDb({ binary, runDir, port: ports.mongo, timeoutMs }),
  ]);
  const processes = [kafka, ferret].flatMap((r) =>
    r.status === 'fulfilled' ? [r.value.process] : [],
  );
  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= Promise.all(processes.map((p) => p.stop())).then(() =>
      rmSync(runDir, { recursive: true, force: true }),
    ));

  if (kafka.status === 'rejected' || ferret.status === 'rejected') {
    await stop();
    const errors = [kafka, ferret].flatMap((r) =>
      r.status === 'rejected'
        ? [r.reason instanceof Error ? r.reason.message : String(r.reason)]
        : [],
    );
    throw new Error(`local infrastructure failed to start\n${errors.join('\n')}`);
  }
  return {
    provider: 'local',
    kafkaBrokers: kafka.value.brokers,
    mongoUrl: ferret.value.mongoUrl,
    stop,
  };
}

interface KafkaRuntime {
  libs: string;
  prepared: KafkaPrepared;
}

async function ensureKafka(cache: string, log: Log): Promise<KafkaRuntime> {
  const libs = await ensureKafkaJars(cache, log);
  return { libs, prepared: await ensureKafkaPrepared(cache, libs, log) };
}

function startKafka(
  runtime: KafkaRuntime,
  runDir: string,
  ports: LocalPorts,
  timeoutMs: number,
): Promise<RunningKafka> {
  const dir = join(runDir, 'kafka');
  copyKafkaStorage(runtime.prepared, dir);
  return launchKafka({
    libs: runtime.libs,
    dir,
    brokerPort: ports.kafka,
    controllerPort: ports.kafkaController,
    timeoutMs,
    orphanDir: runDir,
    jvmOptions: classArchiveOptions(runtime.prepared),
  });
}

async function pickPorts(): Promise<LocalPorts> {
  const [kafka, kafkaController, mongo] = await freePorts(3);
  return { kafka, kafkaController, mongo };
}
