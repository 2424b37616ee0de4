import { performance } from 'node:perf_hooks';
import { setTimeout as delay } from 'node:timers/promises';
import { percentile } from '../load';
import { basicCredentials, GrantTarget } from './grant-target';
import { Revoker } from './revokers';
import { KnownApp, LOAD_RESOURCE, LOAD_SCOPES } from './seed-apps';

/** How long one instance kept honouring a secret after its revocation was acknowledged. */
export interface Propagation {
  readonly instance: string;
  readonly ms: number;
}

export interface PropagationStats {
  readonly samples: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
}

/** Between attempts while a newly registered app is on its way to an instance. */
const GRANT_POLL_MS = 20;

export function propagationStats(samples: readonly Propagation[]): PropagationStats {
  const sorted = samples.map((s) => s.ms).sort((a, b) => a - b);
  return {
    samples: sorted.length,
    p50Ms: percentile(sorted, 0.5),
    p99Ms: percentile(sorted, 0.99),
    maxMs: sorted.length > 0 ? sorted[sorted.length - 1] : NaN,
  };
}

type Instance = Pick<GrantTarget, 'name' | 'baseUrl' | 'tokenPath'>;

export interface RevocationOptions {
  readonly instances: readonly Instance[];
  readonly revoker: Revoker;
  readonly timeoutMs: number;
  readonly log: (line: string) => void;
}

/**
 * For each app in turn: every instance grants a token with its secret (waiting for a newly
 * registered app to arrive); the secret is revoked; then every instance is asked again, one
 * request after the other, until it refuses. A sample is the time from the revocation's
 * acknowledgement to the refusal's arrival (an upper bound: the refusal took a request to learn).
 */
export async function measureRevocations(options: RevocationOptions): Promise<Propagation[]> {
  const { instances, revoker, timeoutMs } = options;
  const samples: Propagation[] = [];
  for (const [index, app] of revoker.apps.entries()) {
    await Promise.all(instances.map((instance) => untilGranted(instance, app, timeoutMs)));
    await revoker.revoke(app);
    const acknowledged = performance.now();
    const delays = await Promise.all(
      instances.map((instance) => untilRefused(instance, app, acknowledged, timeoutMs)),
    );
    instances.forEach((instance, i) => samples.push({ instance: instance.name, ms: delays[i] }));
    if ((index + 1) % 10 === 0) options.log(`[revocation] ${index + 1}/${revoker.apps.length}`);
  }
  return samples;
}

async function untilGranted(instance: Instance, app: KnownApp, timeoutMs: number): Promise<void> {
  const since = performance.now();
  for (;;) {
    const answer = await askForToken(instance, app);
    if (answer.status === 200) return;
    if (performance.now() - since > timeoutMs) {
      throw new Error(
        `${instance.name} did not grant a token with a live secret within ${timeoutMs} ms: ` +
          `${answer.status} ${answer.text}`,
      );
    }
    await delay(GRANT_POLL_MS);
  }
}

async function untilRefused(
  instance: Instance,
  app: KnownApp,
  since: number,
  timeoutMs: number,
): Promise<number> {
  for (;;) {
    const answer = await askForToken(instance, app);
    const elapsed = performance.now() - since;
    if (answer.status === 401 && answer.text.includes('"invalid_client"')) return elapsed;
    if (answer.status !== 200) {
      throw new Error(
        `${instance.name} answered a revoked secret with ${answer.status}: ${answer.text}`,
      );
    }
    if (elapsed > timeoutMs) {
      throw new Error(`${instance.name} still honoured a revoked secret after ${timeoutMs} ms`);
    }
  }
}

const BODY = new URLSearchParams({
  grant_type: 'client_credentials',
  scope: LOAD_SCOPES.join(' '),
  resource: LOAD_RESOURCE,
}).toString();

async function askForToken(
  instance: Instance,
  app: KnownApp,
): Promise<{ status: number; text: string }> {
  const response = await fetch(`${instance.baseUrl}${instance.tokenPath}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      authorization: basicCredentials(app.clientId, app.secret),
    },
    body: BODY,
  });
  return { status: response.status, text: (await response.text()).slice(0, 300) };
}
