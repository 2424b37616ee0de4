import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { freePorts } from '@extapps/infra';
import { KnownApp, LOAD_SCOPES } from './seed-apps';
import { RunningServer, spawnServer, waitForServer } from './servers';

export const PEER_NAME = 'node-oidc-provider';
const PEER_SCRIPT = join(__dirname, 'peer', 'oidc-provider-peer.mjs');
/** RFC 8707 resource indicators are absolute URIs; this one names the same API as ours. */
export const PEER_RESOURCE = 'https://orchestrator.bench.example';
const READY_TIMEOUT_MS = 60_000;

export interface RunningPeer extends RunningServer {
  readonly version: string;
}

/**
 * node-oidc-provider, in-memory, with the same clients (ids and secrets) and scopes as our load
 * apps, issuing ES256 JWT access tokens on client_credentials with client_secret_basic.
 */
export async function startPeer(
  clients: readonly KnownApp[],
  log: (line: string) => void,
): Promise<RunningPeer> {
  const [port] = await freePorts(1);
  const baseUrl = `http://127.0.0.1:${port}`;
  const config = {
    port,
    resource: PEER_RESOURCE,
    scopes: [...LOAD_SCOPES],
    clients: clients.map(({ clientId, secret }) => ({ clientId, secret })),
  };
  const server = spawnServer({
    name: PEER_NAME,
    baseUrl,
    command: process.execPath,
    args: [PEER_SCRIPT],
    env: { PEER_CONFIG: JSON.stringify(config) },
    log,
  });
  try {
    await waitForServer(server, `${baseUrl}/.well-known/openid-configuration`, READY_TIMEOUT_MS);
  } catch (error) {
    await server.stop();
    throw error;
  }
  return { ...server, version: peerVersion() };
}

function peerVersion(): string {
  const pkg = JSON.parse(readFileSync(require.resolve('oidc-provider/package.json'), 'utf8')) as {
    version?: string;
  };
  return pkg.version ?? 'unknown';
}
