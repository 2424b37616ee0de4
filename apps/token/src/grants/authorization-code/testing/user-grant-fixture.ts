import { ScopeGrant } from '@extapps/contracts';
import { loadConfig } from '@extapps/platform';
import { ManualClock } from '@extapps/testing';
import { AuthorizationRequestApproval } from '../../../authorize/authorization-codes';
import { AuthorizationCodes } from '../../../authorization-codes/authorization-codes';
import { InMemoryAuthorizationCodeStore } from '../../../authorization-codes/in-memory-authorization-code-store';
import { Client } from '../../../clients/client';
import { configSchema } from '../../../config';
import { RecordingTokenEventSink } from '../../../events/testing/recording-token-event-sink';
import { InMemoryGrantStore } from '../../../grant-store/in-memory-grant-store';
import { opaqueTokenHash } from '../../../grant-store/opaque-token';
import { GrantOutcome, GrantRequest } from '../../grant-handler';
import { RefreshTokenGrant } from '../../refresh-token/refresh-token.grant';
import { RefreshTokens } from '../../refresh-token/refresh-tokens';
import { AuthorizationCodeGrant } from '../authorization-code.grant';
import { s256Challenge } from '../pkce';
import { signingKeyTestEnv } from '../../../keys/testing/signing-key-env';

export const ISSUER = 'https://id.extapps.test';
export const config = loadConfig(configSchema, {
  ...signingKeyTestEnv(),
  KAFKA_BROKERS: 'localhost:9092',
  MONGO_URL: 'mongodb://localhost:27017',
  ISSUER,
  ACCESS_TOKEN_TTL_SECONDS: '600',
  REFRESH_TOKEN_TTL_SECONDS: '86400',
});

export const jobsRead: ScopeGrant = { resource: 'OrchestratorApi', scope: 'OR.Jobs.Read' };
export const assetsRead: ScopeGrant = { resource: 'OrchestratorApi', scope: 'OR.Assets.Read' };
export const NATIVE_REDIRECT = 'http://127.0.0.1:8400/callback';
export const WEB_REDIRECT = 'https://web.example/callback';
/** RFC 7636 Appendix B. */
export const VERIFIER = 'dBjftJeZ4CVP-mJ0ZdsQkb1ZL0lhnQ3bpnt3J8fwN0Q';

const client = (overrides: Partial<Client>): Client => ({
  clientId: 'desktop',
  version: 1,
  name: 'Desktop',
  type: 'non-confidential',
  status: 'active',
  redirectUris: [NATIVE_REDIRECT],
  userScopes: [jobsRead, assetsRead],
  applicationScopes: [],
  secrets: [],
  jwks: null,
  accessTokenLifetimeSeconds: null,
  ...overrides,
});

/** A non-confidential app (client id only) and a confidential one (secret `sec-web`). */
export const desktop = client({});
export const web = client({
  clientId: 'web',
  name: 'Web',
  type: 'confidential',
  redirectUris: [WEB_REDIRECT],
});

type Form = Record<string, string>;

/**
 * Both user grants on in-memory stores and a manual clock. Every outcome's events go through the
 * recording sink, which validates them against the contracts as the real sink would.
 */
export class UserGrantFixture {
  readonly clock = new ManualClock('2026-03-01T10:00:00.000Z');
  readonly sink = new RecordingTokenEventSink();
  readonly codeStore = new InMemoryAuthorizationCodeStore();
  readonly codes = new AuthorizationCodes(this.codeStore);
  readonly grants = new InMemoryGrantStore();
  readonly refreshTokens = new RefreshTokens(this.grants, config);
  readonly codeGrant = new AuthorizationCodeGrant(
    this.codeStore,
    this.grants,
    this.refreshTokens,
    config,
  );
  readonly refreshGrant = new RefreshTokenGrant(this.grants, this.refreshTokens, config);

  /** A code as the authorization endpoint would issue it after sign-in and consent. */
  approve(app: Client, overrides: Partial<AuthorizationRequestApproval> = {}): Promise<string> {
    return this.codes.issue(
      {
        clientId: app.clientId,
        redirectUri: app.redirectUris[0],
        userId: 'user-1',
        scopes: [jobsRead.scope, assetsRead.scope],
        audience: 'OrchestratorApi',
        offlineAccess: true,
        codeChallenge: s256Challenge(VERIFIER),
        ...overrides,
      },
      this.clock.now(),
    );
  }

  /** A grant of `app` from a code exchange: its id and first refresh token; no events yet. */
  async granted(app = desktop, scopes = [jobsRead.scope, assetsRead.scope]) {
    const code = await this.approve(app, { scopes });
    const grantId = (await this.codeStore.find(opaqueTokenHash(code)))?.grantId as string;
    const refreshToken = refreshTokenOf(await this.exchange(app, code));
    this.sink.events.length = 0;
    return { grantId, refreshToken };
  }

  /** The token request of `app` for `code`, with the matching redirect URI and verifier. */
  exchange(app: Client, code: string, overrides: Form = {}): Promise<GrantOutcome> {
    const form = {
      code,
      redirect_uri: app.redirectUris[0],
      code_verifier: VERIFIER,
      ...overrides,
    };
    return this.run(this.codeGrant, app, form);
  }

  refresh(app: Client, refreshToken: string, overrides: Form = {}): Promise<GrantOutcome> {
    return this.run(this.refreshGrant, app, { refresh_token: refreshToken, ...overrides });
  }

  private async run(
    grant: { handle(request: GrantRequest): Promise<GrantOutcome> },
    app: Client,
    fields: Form,
  ): Promise<GrantOutcome> {
    // An empty value counts as absent (RFC 6749 §3.1), as the form reader does.
    const form = new Map(Object.entries(fields).filter(([, v]) => v !== ''));
    const secretId = app.type === 'confidential' ? 'sec-web' : null;
    const method = app.type === 'confidential' ? 'client_secret_basic' : 'none';
    const meta = { ip: '203.0.113.9', correlationId: 'corr-1' };
    const now = this.clock.now();
    const outcome = await grant.handle({
      form,
      client: { client: app, method, secretId },
      now,
      meta,
    });
    await this.sink.record(outcome.events ?? [], {
      actor: { type: 'app', id: app.clientId },
      correlationId: meta.correlationId,
      occurredAt: now,
    });
    return outcome;
  }
}

/** The refresh token of a successful outcome (the test fails otherwise). */
export function refreshTokenOf(outcome: GrantOutcome): string {
  if (!outcome.ok || outcome.refreshToken === undefined)
    throw new Error(`expected a refresh token, got ${JSON.stringify(outcome)}`);
  return outcome.refreshToken;
}

export const refusedWith = (error: string) => ({ ok: false, error: { error } });
