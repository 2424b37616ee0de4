import { createServer } from 'node:net';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { spawnOwned, type OwnedProcess } from '../local/process';
import { waitUntil } from '../wait';

export interface ServiceSpec {
  name: 'registration' | 'token' | 'permissions' | 'audit';
  /** Environment variable that overrides the port, e.g. REGISTRATION_PORT. */
  portSetting: string;
  port: number;
}

const DEFAULT_PORTS: ReadonlyArray<[ServiceSpec['name'], number]> = [
  ['registration', 3001],
  ['token', 3002],
  ['permissions', 3003],
  ['audit', 3004],
];

/** The four services with their ports; a bad override stops start-up naming the setting. */
export function serviceSpecs(env: NodeJS.ProcessEnv): ServiceSpec[] {
  const specs = DEFAULT_PORTS.map(([name, fallback]) => {
    const portSetting = `${name.toUpperCase()}_PORT`;
    const raw = env[portSetting]?.trim();
    const port = raw ? Number(raw) : fallback;
    if (!Number.isInteger(port) || port < 1 || port > 65535) {
      throw new Error(`${portSetting} must be an integer 1-65535, got "${raw}"`);
    }
    return { name, portSetting, port };
  });
  const ports = new Set(specs.map((s) => s.port));
  if (ports.size !== specs.length)
    throw new Error(
      `service ports must differ: ${specs.map((s) => `${s.portSetting}=${s.port}`).join(' ')}`,
    );
  return specs;
}

/** Fails before the build when a port is taken, instead of after a service crashed on it. */
export async function assertPortFree(spec: ServiceSpec): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const server = createServer();
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        new Error(
          `port ${spec.port} for ${spec.name} is not free (${error.code}); set ${spec.portSetting} to another port`,
        ),
      ),
    );
    server.listen(spec.port, () => server.close(() => resolve()));
  });
}

export function startService(
  spec: ServiceSpec,
  env: NodeJS.ProcessEnv,
  root: string,
): OwnedProcess {
  const proc = spawnOwned({
    command: process.execPath,
    args: [join(root, 'dist', 'apps', spec.name, 'main.js')],
    cwd: root,
    env,
  });
  if (proc.output) {
    prefixLines(proc.output.stdout, `[${spec.name}] `, process.stdout);
    prefixLines(proc.output.stderr, `[${spec.name}] `, process.stderr);
  }
  return proc;
}

function prefixLines(input: Readable, prefix: string, output: NodeJS.WritableStream): void {
  createInterface({ input, crlfDelay: Infinity }).on('line', (line) =>
    output.write(prefix + line + '\n'),
  );
}

export function serviceUrl(spec: ServiceSpec): string {
  return `http://127.0.0.1:${spec.port}`;
}

/** Polls GET /health/ready until 200; fails at once if the service process has exited. */
export async function waitForReady(
  spec: ServiceSpec,
  proc: OwnedProcess,
  timeoutMs: number,
): Promise<void> {
  const url = `${serviceUrl(spec)}/health/ready`;
  let last = 'no answer yet';
  await waitUntil(
    async () => {
      if (proc.hasExited())
        throw new Error(`${spec.name} exited before it was ready (its output is above)`);
      try {
        const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
        last = `HTTP ${res.status} ${(await res.text()).slice(0, 300)}`;
        return res.status === 200;
      } catch (error) {
        last = String(error);
        return false;
      }
    },
    {
      timeoutMs,
      intervalMs: 250,
      describe: () => `${spec.name} not ready after ${timeoutMs} ms at ${url}: ${last}`,
    },
  );
}
