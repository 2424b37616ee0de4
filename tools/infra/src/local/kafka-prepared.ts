import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Log } from '../types';
import { ensureCached } from './cache';
import { KAFKA_VERSION, launchKafka, writeServerProperties, type RunningKafka } from './kafka';
import { freePorts } from './ports';

/**
 * What makes a warm start fast, built once per cache: formatted KRaft storage to copy (the
 * storage tool is a JVM start of its own) and a class-data archive of a broker that started,
 * which roughly halves the broker's own start-up.
 */
export interface KafkaPrepared {
  storage: string;
  classArchive: string | null;
}

export async function ensureKafkaPrepared(
  cache: string,
  libs: string,
  log: Log,
): Promise<KafkaPrepared> {
  const dir = await ensureCached({
    root: cache,
    name: `kafka-${KAFKA_VERSION}-prepared`,
    log,
    build: async (tmp) => {
      log(
        '[infra] preparing Kafka storage template and class-data archive (first run only, ~20 s)',
      );
      mkdirSync(tmp, { recursive: true });
      const [broker, controller] = await freePorts(2);
      const properties = writeServerProperties(join(tmp, 'format'), broker, controller);
      // 16 random bytes in base64url: the 22-character cluster id the storage tool expects.
      const clusterId = randomBytes(16).toString('base64url');
      const format = [
        '-cp',
        join(libs, '*'),
        'kafka.tools.StorageTool',
        'format',
        '-t',
        clusterId,
        '-c',
        properties,
      ];
      await promisify(execFile)('java', format, { timeout: 120_000 });
      cpSync(join(tmp, 'format', 'data'), join(tmp, 'storage'), { recursive: true });
      rmSync(join(tmp, 'format'), { recursive: true, force: true });
      await trainClassArchive(tmp, libs, log);
    },
  });
  const classArchive = join(dir, 'classes.jsa');
  return {
    storage: join(dir, 'storage'),
    classArchive: existsSync(classArchive) ? classArchive : null,
  };
}

/** A broker run that dumps the classes it loaded; optional, so a failure only costs speed. */
async function trainClassArchive(dir: string, libs: string, log: Log): Promise<void> {
  const train = join(dir, 'train');
  cpSync(join(dir, 'storage'), join(train, 'data'), { recursive: true });
  const [brokerPort, controllerPort] = await freePorts(2);
  let kafka: RunningKafka | undefined;
  try {
    kafka = await launchKafka({
      libs,
      dir: train,
      brokerPort,
      controllerPort,
      timeoutMs: 120_000,
      jvmOptions: [`-XX:ArchiveClassesAtExit=${join(dir, 'classes.jsa')}`],
    });
    await kafka.process.stop(60_000);
  } catch (error) {
    await kafka?.process.stop();
    rmSync(join(dir, 'classes.jsa'), { force: true });
    log(`[infra] Kafka class-data archive not created, starts will be slower: ${String(error)}`);
  } finally {
    rmSync(train, { recursive: true, force: true });
  }
}

/** A fresh copy of the formatted storage for one run. */
export function copyKafkaStorage(prepared: KafkaPrepared, dir: string): void {
  cpSync(prepared.storage, join(dir, 'data'), { recursive: true });
}

export function classArchiveOptions(prepared: KafkaPrepared): string[] {
  return prepared.classArchive ? [`-XX:SharedArchiveFile=${prepared.classArchive}`] : [];
}
