import { HttpCall, LoadResult, runLoad } from '../load';
import type { RunningRegistration } from './service-process';

/** A load run's numbers; a run with any failed request throws instead (see `load`). */
export type Measured = LoadResult;

export interface LoadSpec {
  /** Names the step in progress lines and failures, e.g. `POST /v1/apps`. */
  readonly label: string;
  readonly requests: number;
  readonly concurrency: number;
  readonly next: (n: number) => HttpCall;
  /** Gets each successful answer's body. */
  readonly onBody?: (n: number, body: string) => void;
  /** Gets each request's latency. */
  readonly onLatency?: (n: number, ms: number) => void;
}

/**
 * Runs `spec` against the service and refuses the result if a single request failed: a
 * throughput that includes refusals or crashes measures something else than the commands.
 */
export async function load(service: RunningRegistration, spec: LoadSpec): Promise<Measured> {
  let firstFailure: string | undefined;
  const result = await runLoad({
    baseUrl: service.baseUrl,
    concurrency: spec.concurrency,
    requests: spec.requests,
    next: (n) => withAuth(service, spec.next(n)),
    onResponse: (n, status, body, ms) => {
      spec.onLatency?.(n, ms);
      if (status >= 200 && status < 300) spec.onBody?.(n, body);
      else if (status !== 0) firstFailure ??= `HTTP ${status} ${body.slice(0, 500)}`;
    },
  });
  if (result.errors > 0) {
    service.assertAlive();
    throw new Error(
      `${spec.label}: ${result.errors} of ${result.requests} requests failed ` +
        `(statuses ${JSON.stringify(result.statuses)}); first: ` +
        (firstFailure ?? result.transportError ?? 'unknown'),
    );
  }
  return result;
}

function withAuth(service: RunningRegistration, call: HttpCall): HttpCall {
  return { ...call, headers: { authorization: service.authorization, ...call.headers } };
}

export function registerCall(name: string): HttpCall {
  const body = { name, type: 'confidential', applicationScopes: ['OR.Jobs'] };
  return { method: 'POST', path: '/v1/apps', body: JSON.stringify(body) };
}

/** `If-Match: *`: any version, so concurrent renames of other apps never wait on ours. */
export function renameCall(appId: string, name: string): HttpCall {
  return {
    method: 'PATCH',
    path: `/v1/apps/${encodeURIComponent(appId)}`,
    headers: { 'if-match': '*' },
    body: JSON.stringify({ name }),
  };
}

export function getCall(appId: string): HttpCall {
  return { method: 'GET', path: `/v1/apps/${encodeURIComponent(appId)}` };
}

/** Registers `count` apps named `<prefix> <n>` and returns their client ids in order. */
export async function registerApps(
  service: RunningRegistration,
  options: { label: string; prefix: string; count: number; concurrency: number },
): Promise<{ result: Measured; ids: string[] }> {
  const ids: (string | undefined)[] = new Array<string | undefined>(options.count);
  let unexpected: string | undefined;
  const result = await load(service, {
    label: options.label,
    requests: options.count,
    concurrency: options.concurrency,
    next: (n) => registerCall(`${options.prefix} ${n}`),
    onBody: (n, body) => {
      ids[n] = clientIdOf(body);
      if (ids[n] === undefined) unexpected ??= body.slice(0, 300);
    },
  });
  if (unexpected !== undefined) {
    throw new Error(`${options.label}: a create response without client_id: ${unexpected}`);
  }
  return { result, ids: ids as string[] };
}

function clientIdOf(body: string): string | undefined {
  try {
    const parsed = JSON.parse(body) as { client_id?: unknown };
    return typeof parsed.client_id === 'string' ? parsed.client_id : undefined;
  } catch {
    return undefined;
  }
}
