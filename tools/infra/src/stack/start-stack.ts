// `npm start`: infrastructure + the four services, until Ctrl-C. Run with
//   node -r @swc-node/register tools/infra/src/stack/start-stack.ts
import { execFileSync, spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { signalStopAll, type OwnedProcess } from '../local/process';
import { redactMongoUrl } from '../env-servers';
import { resolveInfrastructure } from '../resolver';
import type { Infrastructure } from '../types';
import {
  assertPortFree,
  serviceSpecs,
  serviceUrl,
  startService,
  waitForReady,
  type ServiceSpec,
} from './services';
import { serviceEnvironment, type StackSettings } from './stack-env';

const ROOT = resolve(__dirname, '..', '..', '..', '..');
const READY_TIMEOUT_MS = 90_000;
const log = (line: string) => console.log(line);

let infra: Infrastructure | undefined;
const running: OwnedProcess[] = [];
let shuttingDown: Promise<never> | undefined;

function shutdown(code: number): Promise<never> {
  shuttingDown ??= (async () => {
    log('[stack] stopping services');
    await Promise.all(running.map((p) => p.stop()));
    if (infra) {
      log('[stack] stopping infrastructure');
      await infra.stop();
    }
    log('[stack] stopped');
    process.exit(code);
  })();
  return shuttingDown;
}

function build(specs: ServiceSpec[]): Promise<void> {
  const args = [
    'nx',
    'run-many',
    '-t',
    'build',
    `--projects=${specs.map((s) => s.name).join(',')}`,
  ];
  log(`[stack] npx ${args.join(' ')}`);
  return new Promise((done, fail) => {
    const child = spawn('npx', args, {
      cwd: ROOT,
      stdio: 'inherit',
      env: { ...process.env, NX_DAEMON: 'false' },
    });
    child.once('error', fail);
    child.once('exit', (code) =>
      code === 0 ? done() : fail(new Error(`build failed with exit code ${code}`)),
    );
  });
}

async function main(): Promise<void> {
  const specs = serviceSpecs(process.env);
  await Promise.all(specs.map(assertPortFree));
  // Servers start while the apps build; both take seconds to minutes.
  const [resolved, built] = await Promise.allSettled([resolveInfrastructure(), build(specs)]);
  if (resolved.status === 'fulfilled') infra = resolved.value;
  if (resolved.status === 'rejected') throw resolved.reason;
  if (built.status === 'rejected') throw built.reason;
  const settings: StackSettings = {
    // A fresh stack has a fresh database, so a made-up secret is registered anew every run.
    bootstrapSecret: process.env['BOOTSTRAP_ADMIN_CLIENT_SECRET'] || newClientSecret(),
  };
  const started = specs.map((spec) => ({
    spec,
    proc: startService(
      spec,
      serviceEnvironment(spec, specs, resolved.value, process.env, settings),
      ROOT,
    ),
  }));
  running.push(...started.map((s) => s.proc));
  await Promise.all(started.map(({ spec, proc }) => waitForReady(spec, proc, READY_TIMEOUT_MS)));
  for (const { spec, proc } of started) {
    void proc.exited.then((code) => {
      if (shuttingDown) return;
      log(`[stack] ${spec.name} exited unexpectedly (code ${code}); stopping everything`);
      void shutdown(1);
    });
  }
  printUrls(specs, resolved.value);
  printBootstrapAdmin(settings);
}

/** The registration service's own generator, run as a process: tools do not import apps. */
function newClientSecret(): string {
  const script = resolve(ROOT, 'apps', 'registration', 'src', 'bootstrap', 'new-secret.ts');
  return execFileSync(process.execPath, ['-r', '@swc-node/register', script], {
    cwd: ROOT,
    env: { ...process.env, SWC_NODE_PROJECT: 'tsconfig.base.json' },
    encoding: 'utf8',
  }).trim();
}

function printBootstrapAdmin(settings: StackSettings): void {
  const clientId = process.env['BOOTSTRAP_ADMIN_CLIENT_ID'] || 'extapps-admin';
  log('[stack] bootstrap admin app (see README, "Admin API"):');
  log(`  client_id     ${clientId}`);
  // Printed for the developer running the stack on their machine; a deployment sets its own.
  log(`  client_secret ${settings.bootstrapSecret}`);
}

function printUrls(specs: ServiceSpec[], servers: Infrastructure): void {
  log('[stack] all services ready:');
  for (const spec of specs)
    log(`  ${spec.name.padEnd(13)} ${serviceUrl(spec)}   ready: ${serviceUrl(spec)}/health/ready`);
  log(`  ${'kafka'.padEnd(13)} ${servers.kafkaBrokers.join(',')}`);
  log(`  ${'mongodb'.padEnd(13)} ${redactMongoUrl(servers.mongoUrl)}`);
  log('[stack] press Ctrl-C to stop');
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => {
    if (shuttingDown) {
      log(`[stack] ${signal} again: leaving the rest to the watchdogs`);
      process.exit(130);
    }
    log(`[stack] ${signal}`);
    void shutdown(0);
  });
}
// Nothing async runs in 'exit': ask the servers to stop, their watchdogs finish the job.
process.on('exit', () => signalStopAll());

main().catch((error: unknown) => {
  log(`[stack] ${error instanceof Error ? error.message : String(error)}`);
  void shutdown(1);
});
