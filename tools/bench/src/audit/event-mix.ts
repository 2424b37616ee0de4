import {
  Actor,
  ClientAuthenticationFailed,
  createEnvelope,
  EventEnvelope,
  ExternalAppEnabled,
  ExternalAppRegistered,
  ExternalAppRenamed,
  FolderCreated,
  newEventId,
  RoleAssigned,
  SecretRevoked,
  TokenIssued,
  Topics,
} from '@extapps/contracts';
import { Random } from '../permissions/random';

const ADMIN: Actor = {
  type: 'user',
  id: 'bench-admin',
  displayName: 'Bench admin',
  ip: '10.0.0.7',
};
const HASH = `sha256:${'b'.repeat(43)}`;
const TENANT = 'bench-tenant';

/** The events of one run, per topic, in publishing order. */
export type EventMix = Readonly<Record<string, readonly EventEnvelope[]>>;

export const MIX_TOPICS = [
  Topics.registrationEvents,
  Topics.tokenEvents,
  Topics.permissionsEvents,
] as const;

/**
 * `count` events as the services would publish them: each app registered first, then about half
 * token traffic (tokens issued, one in five a failed client authentication), a quarter app
 * changes (renames, secret revocations, enables) and a quarter permissions changes (role
 * assignments, folders). Every event is valid against the contracts.
 */
export function eventMix(count: number, appCount: number, random = new Random(7)): EventMix {
  const apps = Array.from({ length: Math.min(appCount, count) }, () => newEventId());
  const mix: Record<string, EventEnvelope[]> = Object.fromEntries(MIX_TOPICS.map((t) => [t, []]));
  const versions = new Map<string, number>();
  const add = (topic: string, streamId: string, make: (ctx: Context) => EventEnvelope) => {
    const streamVersion = (versions.get(streamId) ?? 0) + 1;
    versions.set(streamId, streamVersion);
    mix[topic]?.push(make(context(streamId, streamVersion, random)));
  };
  apps.forEach((appId, i) =>
    add(Topics.registrationEvents, appId, (c) =>
      createEnvelope(ExternalAppRegistered, registered(appId, i), c),
    ),
  );
  for (let n = apps.length; n < count; n++) {
    const appId = random.pick(apps);
    const roll = random.next();
    if (roll < 0.4) add(Topics.tokenEvents, appId, (c) => issued(appId, n, c));
    else if (roll < 0.5) add(Topics.tokenEvents, appId, (c) => failed(appId, c));
    else if (roll < 0.65) add(Topics.registrationEvents, appId, (c) => renamed(appId, n, c));
    else if (roll < 0.7) add(Topics.registrationEvents, appId, (c) => revoked(appId, c));
    else if (roll < 0.75) add(Topics.registrationEvents, appId, (c) => enabled(c));
    else if (roll < 0.95) add(Topics.permissionsEvents, `a-${n}`, (c) => assigned(appId, n, c));
    else add(Topics.permissionsEvents, TENANT, (c) => folder(n, c));
  }
  return mix;
}

type Context = Parameters<typeof createEnvelope>[2];

function context(streamId: string, streamVersion: number, random: Random): Context {
  const app = {
    type: 'app' as const,
    id: streamId,
    ip: `10.1.${random.int(256)}.${random.int(256)}`,
  };
  return {
    streamId,
    streamVersion,
    occurredAt: new Date(),
    actor: random.chance(0.5) ? ADMIN : app,
    correlationId: newEventId(),
    causationId: null,
  };
}

const registered = (appId: string, i: number) => ({
  appId,
  name: `Bench robot ${i}`,
  type: 'confidential' as const,
  redirectUris: [],
  userScopes: [],
  applicationScopes: [{ resource: 'OrchestratorApi', scope: 'OR.Jobs' }],
  firstSecret: {
    secretId: `sec-${i}`,
    hash: HASH,
    hashAlgorithm: 'sha256' as const,
    description: '',
    expiresAt: null,
  },
});

const issued = (appId: string, n: number, c: Context) =>
  createEnvelope(
    TokenIssued,
    {
      clientId: appId,
      grantType: 'client_credentials',
      subject: appId,
      subjectType: 'app',
      scope: 'OR.Jobs',
      audience: ['OrchestratorApi'],
      jti: `jti-${n}`,
      expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
      secretId: null,
    },
    c,
  );

const failed = (appId: string, c: Context) =>
  createEnvelope(
    ClientAuthenticationFailed,
    { clientId: appId, method: 'client_secret_basic', reason: 'wrong-secret', endpoint: 'token' },
    c,
  );

const renamed = (appId: string, n: number, c: Context) =>
  createEnvelope(ExternalAppRenamed, { before: `Robot ${appId}`, after: `Robot ${n}` }, c);

const revoked = (appId: string, c: Context) =>
  createEnvelope(SecretRevoked, { secretId: `sec-${appId.slice(-8)}` }, c);

const enabled = (c: Context) => createEnvelope(ExternalAppEnabled, {}, c);

const assigned = (appId: string, n: number, c: Context) =>
  createEnvelope(
    RoleAssigned,
    {
      assignmentId: `a-${n}`,
      before: null,
      after: {
        principal: { type: 'app', id: appId },
        roleId: 'r-1',
        tenantId: TENANT,
        folderId: null,
      },
    },
    c,
  );

const folder = (n: number, c: Context) =>
  createEnvelope(
    FolderCreated,
    {
      tenantId: TENANT,
      folderId: `f-${n}`,
      before: null,
      after: { name: `Folder ${n}`, parentId: null },
    },
    c,
  );
