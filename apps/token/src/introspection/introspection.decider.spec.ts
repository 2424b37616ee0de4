import { randomUUID } from 'node:crypto';
import { Client } from '../clients/client';
import { ClientTable } from '../clients/client-table';
import { RefreshTokenRecord } from '../grant-store/grant-records';
import { AppStream, newSecret } from '../testing/app-events';
import { appTokenClaims, userTokenClaims } from '../token-endpoint/access-token';
import { INACTIVE, introspect, IntrospectionContext } from './introspection.decider';
import { FoundToken } from './token-finder';

const issuer = 'https://id.example.com';
const table = new ClientTable();
const robot = new AppStream('robot');
const web = new AppStream('web');
table.apply(robot.registeredConfidential(newSecret()));
table.apply(web.registeredConfidential(newSecret()));
const disabled = new AppStream('disabled');
table.apply(disabled.registeredConfidential(newSecret()));
table.apply(disabled.disabled());

const context = (callerId = 'rs'): IntrospectionContext => ({
  callerId,
  clientOf: (id): Client | undefined => table.get(id),
  issuer,
});
const input = (clientId: string) => ({
  issuer,
  clientId,
  grant: { audience: 'OrchestratorApi', scopes: ['OR.Jobs'] },
  issuedAt: new Date('2026-03-01T10:00:00.000Z'),
  ttlSeconds: 600,
});
const accessToken = (clientId: string, revoked = false): FoundToken => ({
  kind: 'access_token',
  claims: appTokenClaims(input(clientId)),
  revoked,
});
const record = (clientId: string): RefreshTokenRecord => ({
  hash: 'hash-1',
  grantId: randomUUID(),
  clientId,
  userId: 'user-1',
  scopes: ['OR.Jobs.Read', 'OR.Assets.Read'],
  audience: 'OrchestratorApi',
  issuedAt: new Date('2026-03-01T09:00:00.000Z'),
  expiresAt: new Date('2026-03-31T09:00:00.000Z'),
});
const refreshToken = (clientId: string, revoked = false): FoundToken => ({
  kind: 'refresh_token',
  token: record(clientId),
  revoked,
});

describe('introspect (RFC 7662 §2.2)', () => {
  it('given an active app access token, then any caller gets its claims, token_type Bearer', () => {
    const found = accessToken('robot');
    if (found.kind !== 'access_token') throw new Error('fixture');
    const { claims } = found;

    expect(introspect(found, context('rs'))).toEqual({
      active: true,
      token_type: 'Bearer',
      scope: 'OR.Jobs',
      client_id: 'robot',
      sub: 'robot',
      sub_type: 'app',
      aud: 'OrchestratorApi',
      iss: issuer,
      exp: claims.exp,
      iat: claims.iat,
      jti: claims.jti,
    });
  });

  it('given a user access token, then sub is the user and the grant id is not disclosed', () => {
    const claims = userTokenClaims({ ...input('web'), userId: 'user-7', grantId: 'g-1' });
    const answer = introspect({ kind: 'access_token', claims, revoked: false }, context());

    expect(answer).toMatchObject({
      active: true,
      sub: 'user-7',
      sub_type: 'user',
      client_id: 'web',
    });
    expect(answer).not.toHaveProperty('gid');
  });

  it('given no token found (unknown, malformed, foreign or expired), then exactly {active: false}', () => {
    expect(introspect(null, context())).toEqual({ active: false });
    expect(INACTIVE).toEqual({ active: false });
  });

  it('given a revoked access or refresh token, then exactly {active: false}', () => {
    expect(introspect(accessToken('robot', true), context())).toEqual({ active: false });
    expect(introspect(refreshToken('web', true), context('web'))).toEqual({ active: false });
  });

  it('given a token of a disabled or unknown app, then exactly {active: false}', () => {
    expect(introspect(accessToken('disabled'), context())).toEqual({ active: false });
    expect(introspect(accessToken('gone'), context())).toEqual({ active: false });
    expect(introspect(refreshToken('disabled'), context('disabled'))).toEqual({ active: false });
  });

  it('given a refresh token asked about by its own client, then its grant and lifetime, token_type refresh_token', () => {
    const found = refreshToken('web');

    expect(introspect(found, context('web'))).toEqual({
      active: true,
      token_type: 'refresh_token',
      scope: 'OR.Jobs.Read OR.Assets.Read',
      client_id: 'web',
      sub: 'user-1',
      sub_type: 'user',
      aud: 'OrchestratorApi',
      iss: issuer,
      iat: Date.parse('2026-03-01T09:00:00.000Z') / 1000,
      exp: Date.parse('2026-03-31T09:00:00.000Z') / 1000,
    });
  });

  it('given a refresh token asked about by another client, then exactly {active: false}', () => {
    expect(introspect(refreshToken('web'), context('robot'))).toEqual({ active: false });
  });
});
