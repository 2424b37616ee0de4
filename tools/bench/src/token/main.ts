// `nx run bench:bench-token`: the token service's benchmark (issue #4 item 6). Not a test: it
// prints numbers and fails only when a step fails. Settings (BENCH_APPS, ...) are read from the
// environment; see settings.ts and tools/bench/README.md.
import { randomBytes } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import { describeInfrastructure, resolveInfrastructure, stopOnTermination } from '@extapps/infra';
import { KafkaBus } from '@extapps/messaging';
import { revocationPart, throughputPart } from './parts';
import { formatTokenReport } from './report';
import { RegistrationTopic, seedApps } from './seed-apps';
import { buildTokenService } from './servers';
import { loadTokenSettings } from './settings';
import { cleanUpTokenRun, log, TokenRun } from './token-run';
import { RunningTokenService, sharedTokenSettings, startTokenService } from './token-service';
import { TokenTopic } from './token-topic';
import { runBenchmark } from '../report-frame';

async function benchmark(run: TokenRun): Promise<void> {
  const { settings, results } = run;
  const builtEntry = settings.tokenRun === 'dist' ? await build(run) : undefined;
  run.step = `publishing ${settings.apps} registered apps`;
  const seed = seedApps(settings.apps, settings.loadClients + settings.revocations);
  const topic = new RegistrationTopic(run.bus);
  await topic.ensure();
  const publishing = process.hrtime.bigint();
  await topic.publish(seed.events, settings.publishBatch);
  const publishSeconds = Number(process.hrtime.bigint() - publishing) / 1e9;
  log(`[seed] ${seed.events.length} apps published in ${publishSeconds.toFixed(1)} s`);
  const tokenTopic = new TokenTopic(run.infra.kafkaBrokers);
  const eventsBefore = await tokenTopic.total();

  const shared = sharedTokenSettings(process.env);
  const instance = async (name: string, issuer?: string): Promise<RunningTokenService> => {
    run.step = `starting ${name} (catching up with ${settings.apps} apps)`;
    const server = await startTokenService({
      name,
      issuer,
      infra: run.infra,
      database: run.database,
      mode: settings.tokenRun,
      builtEntry,
      nodeArgs: settings.tokenNodeArgs,
      shared,
      readyTimeoutMs: settings.readyTimeoutSeconds * 1000,
      log,
    });
    run.servers.push(server);
    log(`[token] ${name} ready after ${server.readySeconds.toFixed(1)} s at ${server.baseUrl}`);
    return server;
  };
  const first = await instance('token-a');
  results.setup = { apps: settings.apps, publishSeconds, readySeconds: first.readySeconds };
  run.step = 'reading memory after start-up';
  await delay(settings.settleMs);
  results.memory = { afterSettle: await first.memory() };

  const loadClients = seed.known.slice(0, settings.loadClients);
  if (settings.parts.includes('throughput')) {
    await throughputPart(run, { ours: first, clients: loadClients, tokenTopic, eventsBefore });
  }
  if (settings.parts.includes('revocation')) {
    const second = await instance('token-b', first.issuer);
    const seeded = seed.known.slice(settings.loadClients);
    await revocationPart(run, { instances: [first, second], topic, seeded });
  }
}

async function build(run: TokenRun): Promise<string> {
  run.step = 'building the token service (tools/build/build-service.js token)';
  log(`[token] ${run.step}`);
  return buildTokenService();
}

async function main(): Promise<number> {
  const settings = loadTokenSettings(process.env);
  log(`[bench] settings ${JSON.stringify(settings)}`);
  const infra = await resolveInfrastructure({ log });
  const id = randomBytes(4).toString('hex');
  const database = `bench_token_${id}`;
  const run: TokenRun = {
    id,
    settings,
    infra,
    database,
    databases: [database],
    bus: new KafkaBus({ brokers: infra.kafkaBrokers, clientId: `bench-token-${id}` }),
    results: { infrastructure: describeInfrastructure(infra) },
    servers: [],
    step: 'starting',
  };
  const uninstall = stopOnTermination(() => cleanUpTokenRun(run), log);
  try {
    await benchmark(run);
    log(formatTokenReport(run.results, settings));
    return 0;
  } catch (error) {
    log(formatTokenReport(run.results, settings));
    const message = error instanceof Error ? error.message : String(error);
    console.error(`\n[bench] FAILED while ${run.step}: ${message}`);
    return 1;
  } finally {
    uninstall();
    await cleanUpTokenRun(run);
  }
}

runBenchmark(main);
