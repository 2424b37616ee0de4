import { Infrastructure } from '@extapps/infra';
import { RunningRegistration, startRegistration } from '../registration/service-process';
import { KnownApp, LOAD_SCOPES, RegistrationTopic, secretRevoked } from './seed-apps';

/**
 * Revokes one app's secret; resolves when the revocation is acknowledged to whoever asked for it
 * (the administrator's 200, or Kafka's ack), which is where a propagation sample starts.
 */
export interface Revoker {
  /** How revocations are made, for the report. */
  readonly how: string;
  /** Apps with a live secret, ready to be revoked one by one. */
  readonly apps: readonly KnownApp[];
  revoke(app: KnownApp): Promise<void>;
  stop(): Promise<void>;
}

/** Publishes SecretRevoked for seeded apps, as the registration service's outbox would. */
export function eventRevoker(topic: RegistrationTopic, apps: readonly KnownApp[]): Revoker {
  return {
    how: 'SecretRevoked published to extapps.registration.events.v1; from the publish ack',
    apps,
    revoke: (app) => topic.publish([secretRevoked(app)]),
    stop: () => Promise.resolve(),
  };
}

export interface RegistrationRevokerOptions {
  readonly infra: Infrastructure;
  readonly database: string;
  readonly count: number;
  readonly run: string;
  readonly log: (line: string) => void;
}

/**
 * The whole path an administrator's revocation takes: the registration service (from source, own
 * database) registers `count` confidential apps through its admin API, and each revocation is a
 * `DELETE /v1/apps/{id}/secrets/{secretId}` on it; its outbox relay publishes the event.
 */
export async function registrationRevoker(options: RegistrationRevokerOptions): Promise<Revoker> {
  options.log(`[revocation] starting the registration service on database ${options.database}`);
  const service = await startRegistration({ ...options, snapshotEvery: 50 });
  try {
    const apps: KnownApp[] = [];
    for (let i = 0; i < options.count; i++) {
      apps.push(await register(service, `Bench ${options.run} revocation ${i}`));
    }
    return {
      how: 'DELETE /v1/apps/{id}/secrets/{secretId} on the registration service; from its 200',
      apps,
      revoke: (app) => revoke(service, app),
      stop: () => service.stop(),
    };
  } catch (error) {
    await service.stop();
    throw error;
  }
}

interface Registered {
  readonly client_id?: string;
  readonly client_secret?: string;
  readonly secret?: { readonly secretId?: string };
}

async function register(service: RunningRegistration, name: string): Promise<KnownApp> {
  const body = { name, type: 'confidential', applicationScopes: [...LOAD_SCOPES] };
  const response = await fetch(`${service.baseUrl}/v1/apps`, {
    method: 'POST',
    headers: { authorization: service.authorization, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  if (response.status !== 201) {
    service.assertAlive();
    throw new Error(`POST /v1/apps answered ${response.status}: ${text.slice(0, 300)}`);
  }
  const created = JSON.parse(text) as Registered;
  const clientId = created.client_id;
  const secret = created.client_secret;
  const secretId = created.secret?.secretId;
  if (!clientId || !secret || !secretId) throw new Error('POST /v1/apps returned no secret');
  return { clientId, secretId, secret };
}

async function revoke(service: RunningRegistration, app: KnownApp): Promise<void> {
  const path = `/v1/apps/${encodeURIComponent(app.clientId)}/secrets/${encodeURIComponent(app.secretId)}`;
  const response = await fetch(`${service.baseUrl}${path}`, {
    method: 'DELETE',
    headers: { authorization: service.authorization },
  });
  const text = await response.text();
  if (response.status !== 200) {
    service.assertAlive();
    throw new Error(`DELETE ${path} answered ${response.status}: ${text.slice(0, 300)}`);
  }
}
