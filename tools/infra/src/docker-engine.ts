import { existsSync } from 'node:fs';
import { request } from 'node:http';
import { connect } from 'node:net';
import { homedir } from 'node:os';
import { join } from 'node:path';

type Endpoint = { socketPath: string } | { host: string; port: number; tls: boolean };

/** Where testcontainers would look for an engine, cheapest first; only sockets that exist. */
export function dockerEndpoints(env: NodeJS.ProcessEnv = process.env): Endpoint[] {
  const dockerHost = env['DOCKER_HOST'];
  if (dockerHost) {
    if (dockerHost.startsWith('unix://'))
      return [{ socketPath: dockerHost.slice('unix://'.length) }];
    const url = new URL(dockerHost.replace(/^tcp:/, 'http:'));
    return [
      {
        host: url.hostname,
        port: Number(url.port || 2375),
        tls: Boolean(env['DOCKER_TLS_VERIFY']),
      },
    ];
  }
  const runtimeDir = env['XDG_RUNTIME_DIR'];
  const candidates = [
    '/var/run/docker.sock',
    ...(runtimeDir
      ? [join(runtimeDir, 'docker.sock'), join(runtimeDir, 'podman', 'podman.sock')]
      : []),
    join(homedir(), '.docker', 'run', 'docker.sock'),
    join(homedir(), '.docker', 'desktop', 'docker.sock'),
  ];
  return candidates.filter((path) => existsSync(path)).map((socketPath) => ({ socketPath }));
}

/**
 * True when a container engine answers `GET /_ping`. Own probe instead of testcontainers'
 * runtime discovery: no engine is the common case here and the decision must take milliseconds.
 */
export async function dockerEngineAnswers(
  env: NodeJS.ProcessEnv = process.env,
  timeoutMs = 800,
): Promise<boolean> {
  for (const endpoint of dockerEndpoints(env)) {
    if (await ping(endpoint, timeoutMs)) return true;
  }
  return false;
}

function ping(endpoint: Endpoint, timeoutMs: number): Promise<boolean> {
  // A TLS engine needs client certificates; an open port is as far as a cheap probe can go.
  if ('tls' in endpoint && endpoint.tls) return tcpOpen(endpoint.host, endpoint.port, timeoutMs);
  return new Promise((resolve) => {
    const req = request(
      { ...endpoint, path: '/_ping', method: 'GET', timeout: timeoutMs },
      (res) => {
        res.resume();
        resolve(res.statusCode === 200);
      },
    );
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(false));
    req.end();
  });
}

export function tcpOpen(host: string, port: number, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port, timeout: timeoutMs });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.once('connect', () => done(true));
    socket.once('timeout', () => done(false));
    socket.once('error', () => done(false));
  });
}
