import { randomUUID } from 'node:crypto';
import {
  AccessTokenLifetimeChanged,
  AppScopes,
  ClientKeysChanged,
  createEnvelope,
  EventDefinition,
  EventEnvelope,
  ExternalAppDeleted,
  ExternalAppDisabled,
  ExternalAppEnabled,
  ExternalAppRegistered,
  ExternalAppRenamed,
  generateClientSecret,
  Jwks,
  RedirectUrisChanged,
  RegistrationEvent,
  ScopeGrant,
  ScopesChanged,
  SecretAdded,
  SecretData,
  SecretExpiringSoon,
  SecretRevoked,
} from '@extapps/contracts';

export const jobs: ScopeGrant = { resource: 'OrchestratorApi', scope: 'OR.Jobs' };
export const assetsRead: ScopeGrant = { resource: 'OrchestratorApi', scope: 'OR.Assets.Read' };
export const appsRead: ScopeGrant = { resource: 'ExtAppsAdminApi', scope: 'extapps.apps.read' };
export const jobsRead: ScopeGrant = { resource: 'OrchestratorApi', scope: 'OR.Jobs.Read' };

/** A secret as registration makes it: the plaintext for the test's client, the hash for the event. */
export interface TestSecret {
  readonly plaintext: string;
  readonly data: SecretData;
}

export function newSecret(expiresAt: Date | null = null): TestSecret {
  const { secret, hash } = generateClientSecret();
  const data: SecretData = {
    secretId: `sec-${randomUUID()}`,
    hash,
    hashAlgorithm: 'sha256',
    description: 'test secret',
    expiresAt: expiresAt?.toISOString() ?? null,
  };
  return { plaintext: secret, data };
}

type Data<D> = D extends EventDefinition<string, infer P> ? P : never;

/**
 * The events of one app's stream, numbered as the registration service numbers them. Each call
 * returns the next event; valid by the contracts, so EventPublisher accepts them.
 */
export class AppStream {
  private version = 0;

  constructor(
    readonly appId = `app-${randomUUID()}`,
    private readonly occurredAt = new Date('2026-01-01T00:00:00.000Z'),
  ) {}

  /** `settings`: the optional keys and token lifetime, left out of the event when not given. */
  registeredConfidential(
    secret: TestSecret,
    applicationScopes = [jobs, assetsRead, appsRead],
    settings: { jwks?: Jwks; accessTokenLifetimeSeconds?: number } = {},
  ) {
    return this.next(ExternalAppRegistered, {
      appId: this.appId,
      name: `Robot ${this.appId}`,
      type: 'confidential',
      redirectUris: [],
      userScopes: [],
      applicationScopes,
      firstSecret: secret.data,
      ...settings,
    });
  }

  registeredNonConfidential() {
    return this.next(ExternalAppRegistered, {
      appId: this.appId,
      name: `Desktop ${this.appId}`,
      type: 'non-confidential',
      redirectUris: ['http://127.0.0.1/callback'],
      userScopes: [jobsRead],
      applicationScopes: [],
      firstSecret: null,
    });
  }

  renamed(before: string, after: string) {
    return this.next(ExternalAppRenamed, { before, after });
  }

  redirectUrisChanged(before: string[], after: string[]) {
    return this.next(RedirectUrisChanged, { before, after });
  }

  scopesChanged(before: AppScopes, after: AppScopes) {
    return this.next(ScopesChanged, { before, after });
  }

  clientKeysChanged(before: Jwks | null, after: Jwks | null) {
    return this.next(ClientKeysChanged, { before, after });
  }

  accessTokenLifetimeChanged(before: number | null, after: number | null) {
    return this.next(AccessTokenLifetimeChanged, { before, after });
  }

  secretAdded(secret: TestSecret) {
    return this.next(SecretAdded, secret.data);
  }

  secretRevoked(secret: TestSecret) {
    return this.next(SecretRevoked, { secretId: secret.data.secretId });
  }

  secretExpiringSoon(secret: TestSecret) {
    const expiresAt = secret.data.expiresAt ?? '2030-01-01T00:00:00.000Z';
    return this.next(SecretExpiringSoon, { secretId: secret.data.secretId, expiresAt });
  }

  disabled() {
    return this.next(ExternalAppDisabled, {});
  }

  enabled() {
    return this.next(ExternalAppEnabled, {});
  }

  deleted() {
    return this.next(ExternalAppDeleted, {});
  }

  private next<D extends EventDefinition<string, Record<string, unknown>>>(
    definition: D,
    data: Data<D>,
  ): RegistrationEvent {
    const envelope: EventEnvelope = createEnvelope(definition, data, {
      streamId: this.appId,
      streamVersion: ++this.version,
      occurredAt: this.occurredAt,
      actor: { type: 'user', id: 'admin-1' },
      correlationId: `test-${this.appId}`,
      causationId: null,
    });
    // Sound: `definition` is a registration event and `data` is typed by it.
    return envelope as RegistrationEvent;
  }
}
