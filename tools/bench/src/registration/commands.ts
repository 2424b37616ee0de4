import { load, Measured, registerApps, renameCall } from './admin-load';
import type { RunningRegistration } from './service-process';

export interface CommandLoadOptions {
  readonly apps: number;
  readonly renames: number;
  readonly concurrency: number;
  /** Makes this run's names unique in the service's organization. */
  readonly run: string;
  readonly log: (line: string) => void;
}

export interface CommandResults {
  readonly register: Measured;
  readonly rename: Measured;
}

/**
 * Throughput and latency of the two most common commands: registering confidential apps (each
 * with its first secret hashed, a name claimed, an event appended and projected) and renaming
 * them, spread round-robin over the registered apps.
 */
export async function measureCommands(
  service: RunningRegistration,
  options: CommandLoadOptions,
): Promise<CommandResults> {
  options.log(`[commands] POST /v1/apps x ${options.apps}, concurrency ${options.concurrency}`);
  const { result: register, ids } = await registerApps(service, {
    label: 'POST /v1/apps',
    prefix: `Bench ${options.run} app`,
    count: options.apps,
    concurrency: options.concurrency,
  });
  options.log(`[commands] ${describeLoad(register)}`);
  options.log(
    `[commands] PATCH /v1/apps/{id} (rename) x ${options.renames} over ${ids.length} apps, ` +
      `concurrency ${options.concurrency}`,
  );
  const rename = await load(service, {
    label: 'PATCH /v1/apps/{id}',
    requests: options.renames,
    concurrency: options.concurrency,
    next: (n) => renameCall(ids[n % ids.length] as string, `Bench ${options.run} renamed ${n}`),
  });
  options.log(`[commands] ${describeLoad(rename)}`);
  return { register, rename };
}

export function describeLoad(result: Measured): string {
  return (
    `${result.requests} requests in ${result.seconds.toFixed(1)} s: ` +
    `${result.perSecond.toFixed(1)}/s, p50 ${result.p50Ms.toFixed(1)} ms, ` +
    `p99 ${result.p99Ms.toFixed(1)} ms, errors ${result.errors}`
  );
}
