import {
  Actor,
  ClientAuthenticationFailed,
  ConsentGranted,
  RefreshTokenReuseDetected,
  TokenEvent,
  TokenIssued,
  TokenRefreshed,
  TokenRevoked,
  Topics,
  UserSignedIn,
  UserSignInFailed,
} from '@extapps/contracts';
import { normalizeTokenEvent } from './token.normalizer';
import { eventOf, RECORDED_AT } from './testing/audit-events';

const normalize = (event: TokenEvent) =>
  normalizeTokenEvent(event, { source: Topics.tokenEvents, recordedAt: RECORDED_AT });
const client: Actor = { type: 'app', id: 'app-1', ip: '198.51.100.4', userAgent: 'robot/1.0' };
const user: Actor = { type: 'user', id: 'u-1', displayName: 'Una User', ip: '192.0.2.1' };
const token = {
  clientId: 'app-1',
  subject: 'app-1',
  subjectType: 'app' as const,
  scope: 'OR.Jobs',
  audience: ['OrchestratorApi'],
  jti: 'jti-1',
  expiresAt: '2026-05-04T11:00:00.000Z',
  secretId: 'sec-1',
};

describe('normalizeTokenEvent: tokens and authentication', () => {
  it('TokenIssued: the token issued to the app, its attributes after, from where', () => {
    const event = eventOf(
      TokenIssued,
      { ...token, grantType: 'client_credentials' },
      { actor: client },
    );
    const { clientId: _clientId, ...issued } = token;

    expect(normalize(event)).toStrictEqual({
      eventId: event.eventId,
      eventType: 'TokenIssued',
      source: 'extapps.token.events.v1',
      occurredAt: '2026-05-04T10:00:00.000Z',
      recordedAt: '2026-05-04T10:00:00.250Z',
      actor: { type: 'app', id: 'app-1', displayName: null },
      action: 'token.issued',
      category: 'token',
      target: { type: 'app', id: 'app-1', name: null },
      outcome: { status: 'success', reason: null },
      sourceIp: '198.51.100.4',
      userAgent: 'robot/1.0',
      correlationId: 'corr-1',
      changes: {
        before: null,
        after: { ...issued, grantType: 'client_credentials', grantId: null },
      },
    });
  });

  it('TokenRefreshed: the new token of the grant', () => {
    const event = eventOf(TokenRefreshed, { ...token, grantId: 'g-1' }, { actor: client });

    expect(normalize(event)).toMatchObject({
      action: 'token.refreshed',
      category: 'token',
      target: { type: 'app', id: 'app-1' },
      changes: { before: null, after: { jti: 'jti-1', grantId: 'g-1', scope: 'OR.Jobs' } },
    });
  });

  it('TokenRevoked: what was revoked and why', () => {
    const data = {
      clientId: 'app-1',
      target: 'grant' as const,
      jti: null,
      grantId: 'g-1',
      reason: 'refresh-token-reuse' as const,
    };
    const revoked = { target: 'grant', jti: null, grantId: 'g-1' };

    expect(normalize(eventOf(TokenRevoked, data, { actor: client }))).toMatchObject({
      action: 'token.revoked',
      outcome: { status: 'success', reason: null },
      changes: {
        before: { ...revoked, revoked: false },
        after: { ...revoked, revoked: true, reason: 'refresh-token-reuse' },
      },
    });
  });

  it('RefreshTokenReuseDetected: a failure of the app, refresh-token-reuse', () => {
    const data = { clientId: 'app-1', subject: 'u-1', grantId: 'g-1' };

    expect(normalize(eventOf(RefreshTokenReuseDetected, data, { actor: client }))).toMatchObject({
      action: 'token.refresh-token-reused',
      category: 'token',
      target: { type: 'app', id: 'app-1' },
      outcome: { status: 'failure', reason: 'refresh-token-reuse' },
      changes: null,
    });
  });

  it('ClientAuthenticationFailed: a failure with its reason, from the caller address', () => {
    const data = {
      clientId: 'app-1',
      method: 'client_secret_basic' as const,
      reason: 'wrong-secret' as const,
      endpoint: 'token' as const,
    };

    expect(normalize(eventOf(ClientAuthenticationFailed, data, { actor: client }))).toMatchObject({
      action: 'client.authentication-failed',
      category: 'authentication',
      actor: { type: 'app', id: 'app-1' },
      target: { type: 'app', id: 'app-1', name: null },
      outcome: { status: 'failure', reason: 'wrong-secret' },
      sourceIp: '198.51.100.4',
      changes: null,
    });
  });

  it('ClientAuthenticationFailed for an unknown client: the target is unknown-client', () => {
    const data = {
      clientId: null,
      method: 'client_secret_post' as const,
      reason: 'unknown-client' as const,
      endpoint: 'introspection' as const,
    };
    const actor = { ...client, id: 'unknown-client' };
    const event = eventOf(ClientAuthenticationFailed, data, { actor, streamId: 'unknown-client' });

    expect(normalize(event)).toMatchObject({
      target: { type: 'app', id: 'unknown-client' },
      outcome: { status: 'failure', reason: 'unknown-client' },
    });
  });

  it('UserSignedIn: the user signed in to the app', () => {
    const data = { userId: 'u-1', username: 'una', clientId: 'app-1' };

    expect(normalize(eventOf(UserSignedIn, data, { actor: user }))).toMatchObject({
      action: 'user.signed-in',
      category: 'authentication',
      actor: { type: 'user', id: 'u-1', displayName: 'Una User' },
      target: { type: 'app', id: 'app-1' },
      outcome: { status: 'success', reason: null },
      changes: null,
    });
  });

  it('UserSignInFailed: a failure with its reason', () => {
    const data = { userId: 'u-1', clientId: 'app-1', reason: 'wrong-password' as const };

    expect(normalize(eventOf(UserSignInFailed, data, { actor: user }))).toMatchObject({
      action: 'user.sign-in-failed',
      category: 'authentication',
      target: { type: 'app', id: 'app-1' },
      outcome: { status: 'failure', reason: 'wrong-password' },
      sourceIp: '192.0.2.1',
      userAgent: null,
    });
  });

  it('ConsentGranted: the scopes the user allowed the app', () => {
    const data = { userId: 'u-1', clientId: 'app-1', scope: 'OR.Jobs.Read', audience: ['Api'] };

    expect(normalize(eventOf(ConsentGranted, data, { actor: user }))).toMatchObject({
      action: 'user.consent-granted',
      category: 'authentication',
      target: { type: 'app', id: 'app-1' },
      changes: { before: null, after: { scope: 'OR.Jobs.Read', audience: ['Api'] } },
    });
  });
});
