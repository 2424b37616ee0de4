import { randomUUID } from 'node:crypto';
import {
  createEnvelope,
  EventDefinition,
  EventEnvelope,
  ExternalAppDeleted,
  ExternalAppDisabled,
  ExternalAppRegistered,
  generateClientSecret,
  ScopeGrant,
  UserCreated,
  UserDeleted,
  UserDisabled,
} from '@extapps/contracts';

const jobs: ScopeGrant = { resource: 'OrchestratorApi', scope: 'OR.Jobs' };
const jobsRead: ScopeGrant = { resource: 'OrchestratorApi', scope: 'OR.Jobs.Read' };

type Data<D> = D extends EventDefinition<string, infer P> ? P : never;

/** One stream's events, numbered in order, as their owning service would publish them. */
abstract class SourceStream {
  private version = 0;

  constructor(private readonly streamId: string) {}

  protected next<D extends EventDefinition<string, Record<string, unknown>>>(
    definition: D,
    data: Data<D>,
  ): EventEnvelope {
    this.version += 1;
    return createEnvelope(definition, data, {
      streamId: this.streamId,
      streamVersion: this.version,
      occurredAt: new Date(),
      actor: { type: 'user', id: 'e2e-admin' },
      correlationId: randomUUID(),
      causationId: null,
    });
  }
}

/** One app's stream on extapps.registration.events.v1. */
export class AppStream extends SourceStream {
  constructor(readonly appId = `app-${randomUUID()}`) {
    super(appId);
  }

  /** A confidential app with application scopes: the kind that may be assigned roles. */
  registeredConfidential(applicationScopes: ScopeGrant[] = [jobs]) {
    const { hash } = generateClientSecret();
    return this.next(ExternalAppRegistered, {
      appId: this.appId,
      name: `Robot ${this.appId}`,
      type: 'confidential',
      redirectUris: [],
      userScopes: [],
      applicationScopes,
      firstSecret: {
        secretId: `sec-${randomUUID()}`,
        hash,
        hashAlgorithm: 'sha256',
        description: 'e2e',
        expiresAt: null,
      },
    });
  }

  /** A non-confidential app (user scopes only): never assignable. */
  registeredPublic() {
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

  disabled() {
    return this.next(ExternalAppDisabled, {});
  }

  deleted() {
    return this.next(ExternalAppDeleted, {});
  }
}

/** One user's stream on extapps.token.events.v1 (the user directory). */
export class UserStream extends SourceStream {
  constructor(readonly userId = `user-${randomUUID()}`) {
    super(userId);
  }

  created() {
    const username = this.userId.toLowerCase();
    return this.next(UserCreated, { userId: this.userId, username, displayName: 'E2E user' });
  }

  disabled() {
    return this.next(UserDisabled, {});
  }

  deleted() {
    return this.next(UserDeleted, {});
  }
}
