import { setTimeout as delay } from 'node:timers/promises';
import { runLoad } from '../load';
import { runOpenLoadInChild } from '../open-load-process';
import { log, PermissionsRun } from './run';
import { CompareSettings, compareRoutes, RouteLoad } from './route-load';
import type { Seed } from './seed';
import { buildPermissionsService, RunningPermissions, startPermissionsService } from './service';
import { publishSeed } from './topics';

/** Seed through Kafka, start the service, then /health/live against /v1/check. */
export async function httpPart(run: PermissionsRun, seed: Seed): Promise<void> {
  const { settings, results } = run;
  if (settings.run === 'dist') {
    run.step = 'building the permissions service (tools/build/build-service.js permissions)';
    log(`[http] ${run.step}`);
    await buildPermissionsService();
  }
  run.step = 'publishing the seed to Kafka';
  const events = seed.permissions.length + seed.registration.length;
  const publishing = process.hrtime.bigint();
  await publishSeed(run.bus, seed, settings.publishBatch);
  const publishSeconds = Number(process.hrtime.bigint() - publishing) / 1e9;
  log(`[http] ${events} events published in ${publishSeconds.toFixed(1)} s`);
  run.step = `starting the permissions service (catching up with ${events} events)`;
  const service = await startPermissionsService({
    infra: run.infra,
    database: run.database,
    mode: settings.run,
    nodeArgs: settings.nodeArgs,
    readyTimeoutMs: settings.readyTimeoutSeconds * 1000,
    log,
  });
  run.servers.push(service);
  log(`[http] ready after ${service.readySeconds.toFixed(1)} s at ${service.baseUrl}`);
  await delay(settings.settleMs);
  results.memory = { afterReady: await service.memory() };
  run.step = 'asking every query once';
  const bodies = seed.queries.map((q) => JSON.stringify(q));
  const allowedFraction = await askEachOnce(service, bodies, settings.concurrency);
  results.setup = { events, publishSeconds, readySeconds: service.readySeconds, allowedFraction };
  await throughput(run, service, bodies);
  service.assertAlive();
  results.memory.afterLoad = await service.memory();
}

async function throughput(run: PermissionsRun, service: RunningPermissions, bodies: string[]) {
  const { settings } = run;
  const headers = { authorization: service.authorization };
  const check = (n: number) => ({
    method: 'POST',
    path: '/v1/check',
    headers,
    body: bodies[n % bodies.length],
  });
  const live = () => ({ method: 'GET', path: '/health/live', headers });
  run.step = 'measuring /health/live and /v1/check throughput';
  const loads = [
    new RouteLoad('GET /health/live', service.baseUrl, settings.concurrency, live),
    new RouteLoad('POST /v1/check', service.baseUrl, settings.concurrency, check),
  ] as const;
  await compareRoutes(loads, settings satisfies CompareSettings, log);
  run.results.throughput = { live: loads[0].stats(), check: loads[1].stats() };
  run.step = `checking at a fixed ${settings.rate}/s for ${settings.rateSeconds} s`;
  log(`[http] ${run.step}`);
  run.results.fixedRate = await runOpenLoadInChild(
    {
      baseUrl: service.baseUrl,
      ratePerSecond: settings.rate,
      requests: settings.rate * settings.rateSeconds,
      warmupRequests: settings.rate,
      calls: bodies.map((_, n) => check(n)),
      okStatuses: [200],
    },
    log,
  );
  if (run.results.fixedRate.errors > 0) {
    throw new Error(`fixed-rate checks failed: ${JSON.stringify(run.results.fixedRate.statuses)}`);
  }
}

/** Each query once; every answer must be a 200. Returns the share allowed. */
async function askEachOnce(
  service: RunningPermissions,
  bodies: readonly string[],
  concurrency: number,
): Promise<number> {
  let allowed = 0;
  let refusal: string | undefined;
  const result = await runLoad({
    baseUrl: service.baseUrl,
    concurrency,
    requests: bodies.length,
    next: (n) => ({
      method: 'POST',
      path: '/v1/check',
      headers: { authorization: service.authorization },
      body: bodies[n],
    }),
    ok: (status) => status === 200,
    onResponse: (_n, status, body) => {
      if (status !== 200) refusal ??= `HTTP ${status} ${body.slice(0, 300)}`;
      else if ((JSON.parse(body) as { allowed: boolean }).allowed) allowed++;
    },
  });
  if (result.errors > 0) throw new Error(`checks failed: ${refusal ?? result.transportError}`);
  return allowed / bodies.length;
}
