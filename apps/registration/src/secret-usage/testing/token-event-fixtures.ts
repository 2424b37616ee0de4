import {
  ClientAuthenticationFailed,
  ConsentGranted,
  createEnvelope,
  EventDefinition,
  RefreshTokenReuseDetected,
  TokenEvent,
  TokenIssued,
  TokenRefreshed,
  TokenRevoked,
  UserCreated,
  UserDeleted,
  UserDisabled,
  UserEnabled,
  UserLockedOut,
  UserPasswordChanged,
  UserUnlocked,
  UserSignedIn,
  UserSignInFailed,
} from '@extapps/contracts';
import { randomUUID } from 'node:crypto';

type Data<D> = D extends EventDefinition<string, infer P> ? P : never;

/** A token service event of `streamId` as it arrives on the topic. */
export function tokenEvent<D extends EventDefinition<string, Record<string, unknown>>>(
  definition: D,
  streamId: string,
  data: Data<D>,
  occurredAt = '2026-04-01T12:00:00.000Z',
): TokenEvent {
  const envelope = createEnvelope(definition, data, {
    streamId,
    streamVersion: 1,
    occurredAt: new Date(occurredAt),
    actor: { type: 'app', id: streamId },
    correlationId: `corr-${randomUUID()}`,
    causationId: null,
  });
  // Sound: every definition passed here is one of the token events.
  return envelope as TokenEvent;
}

const grant = {
  subject: 'user-1',
  subjectType: 'user' as const,
  scope: 'OR.Jobs offline_access',
  audience: ['OrchestratorApi'],
  expiresAt: '2026-04-01T13:00:00.000Z',
};

export function tokenIssued(clientId: string, secretId: string | null, occurredAt?: string) {
  return tokenEvent(
    TokenIssued,
    clientId,
    {
      clientId,
      grantType: 'client_credentials',
      subject: clientId,
      subjectType: 'app',
      scope: 'OR.Jobs',
      audience: ['OrchestratorApi'],
      jti: randomUUID(),
      expiresAt: '2026-04-01T13:00:00.000Z',
      secretId,
    },
    occurredAt,
  );
}

export function tokenRefreshed(clientId: string, secretId: string | null, occurredAt?: string) {
  const data = { ...grant, clientId, jti: randomUUID(), secretId, grantId: 'grant-1' };
  return tokenEvent(TokenRefreshed, clientId, data, occurredAt);
}

/** One event of each type that reports no secret use, for `clientId` (or its user). */
export function eventsWithoutSecretUse(clientId: string): TokenEvent[] {
  const userId = 'user-1';
  return [
    tokenEvent(TokenRevoked, clientId, {
      clientId,
      target: 'grant',
      jti: null,
      grantId: 'grant-1',
      reason: 'refresh-token-reuse',
    }),
    tokenEvent(ClientAuthenticationFailed, clientId, {
      clientId,
      method: 'client_secret_basic',
      reason: 'wrong-secret',
      endpoint: 'token',
    }),
    tokenEvent(RefreshTokenReuseDetected, clientId, { clientId, subject: userId, grantId: 'g-1' }),
    tokenEvent(UserSignedIn, userId, { userId, username: 'ada', clientId }),
    tokenEvent(UserSignInFailed, userId, { userId, clientId, reason: 'wrong-password' }),
    tokenEvent(ConsentGranted, userId, { userId, clientId, scope: grant.scope, audience: [] }),
    tokenEvent(UserCreated, userId, { userId, username: 'ada', displayName: 'Ada' }),
    tokenEvent(UserPasswordChanged, userId, { userId }),
    tokenEvent(UserDisabled, userId, {}),
    tokenEvent(UserEnabled, userId, {}),
    tokenEvent(UserDeleted, userId, {}),
    tokenEvent(UserLockedOut, userId, { userId, until: '2026-04-01T12:15:00.000Z' }),
    tokenEvent(UserUnlocked, userId, { userId }),
  ];
}
