import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dockerEndpoints, dockerEngineAnswers } from './docker-engine';

let dir: string;
let server: Server | undefined;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'engine-spec-'));
});
afterEach(async () => {
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  server = undefined;
  rmSync(dir, { recursive: true, force: true });
});

/** A Unix socket answering like the Docker API's ping endpoint. */
async function fakeEngineSocket(status: number): Promise<string> {
  const socketPath = join(dir, 'docker.sock');
  server = createServer((req, res) => {
    res.statusCode = req.url === '/_ping' ? status : 404;
    res.end('OK');
  });
  await new Promise<void>((resolve) => server?.listen(socketPath, resolve));
  return socketPath;
}

describe('dockerEngineAnswers', () => {
  it('is true when the engine socket answers /_ping with 200', async () => {
    const socketPath = await fakeEngineSocket(200);
    expect(await dockerEngineAnswers({ DOCKER_HOST: `unix://${socketPath}` })).toBe(true);
  });

  it('is false when the socket answers with an error', async () => {
    const socketPath = await fakeEngineSocket(500);
    expect(await dockerEngineAnswers({ DOCKER_HOST: `unix://${socketPath}` })).toBe(false);
  });

  it('decides quickly when nothing listens', async () => {
    const started = Date.now();
    expect(await dockerEngineAnswers({ DOCKER_HOST: `unix://${join(dir, 'absent.sock')}` })).toBe(
      false,
    );
    expect(await dockerEngineAnswers({ DOCKER_HOST: 'tcp://127.0.0.1:1' })).toBe(false);
    expect(Date.now() - started).toBeLessThan(1000);
  });
});

describe('dockerEndpoints', () => {
  it('follows DOCKER_HOST for unix and tcp engines', () => {
    expect(dockerEndpoints({ DOCKER_HOST: 'unix:///run/user/1000/docker.sock' })).toEqual([
      { socketPath: '/run/user/1000/docker.sock' },
    ]);
    expect(
      dockerEndpoints({ DOCKER_HOST: 'tcp://docker.example:2376', DOCKER_TLS_VERIFY: '1' }),
    ).toEqual([{ host: 'docker.example', port: 2376, tls: true }]);
  });

  it('without DOCKER_HOST lists the usual sockets that exist, rootless ones included', async () => {
    const socketPath = await fakeEngineSocket(200);
    const endpoints = dockerEndpoints({ XDG_RUNTIME_DIR: dir });
    expect(endpoints).toContainEqual({ socketPath });
    expect(endpoints).not.toContainEqual({ socketPath: join(dir, 'podman', 'podman.sock') });
  });
});
