import { AdminScopes, EXTAPPS_ADMIN_RESOURCE, ScopeGrant } from '@extapps/contracts';
import { eventually } from '@extapps/testing';
import { AppStream, newSecret, TestSecret } from '../../testing/app-events';
import { useTokenService } from '../../testing/token-e2e';
import { useTokenTopic } from './token-topic';

export const usersRead: ScopeGrant = {
  resource: EXTAPPS_ADMIN_RESOURCE,
  scope: AdminScopes.usersRead,
};
export const usersWrite: ScopeGrant = {
  resource: EXTAPPS_ADMIN_RESOURCE,
  scope: AdminScopes.usersWrite,
};

export interface AdminApp {
  readonly app: AppStream;
  readonly secret: TestSecret;
}

export interface ApiAnswer {
  readonly status: number;
  readonly headers: Headers;
  readonly body: Record<string, unknown> | null;
}

/**
 * The token service (useTokenService) with two admin apps of its own published: `writer`
 * (users read + write) and `reader` (users read), and the token topic read from the start.
 * Admin tokens come from the service under test (client credentials).
 */
export function useUsersApi() {
  const t = useTokenService();
  const topic = useTokenTopic();
  const writer: AdminApp = { app: new AppStream(), secret: newSecret() };
  const reader: AdminApp = { app: new AppStream(), secret: newSecret() };

  beforeAll(async () => {
    await t.events.publish(
      writer.app.registeredConfidential(writer.secret, [usersRead, usersWrite]),
      reader.app.registeredConfidential(reader.secret, [usersRead]),
    );
  });

  /** A client credentials token of `who`, once the client table has its registration. */
  async function tokenOf(who: AdminApp, scope?: string): Promise<string> {
    const form = { grant_type: 'client_credentials', ...(scope ? { scope } : {}) };
    const answer = await eventually(async () => {
      const response = await t.token({ form, basic: [who.app.appId, who.secret.plaintext] });
      expect(response.status).toBe(200);
      return response;
    });
    return String(answer.body['access_token']);
  }

  async function call(
    method: string,
    path: string,
    options: { token?: string; body?: unknown } = {},
  ): Promise<ApiAnswer> {
    const headers: Record<string, string> = {};
    if (options.token !== undefined) headers['authorization'] = `Bearer ${options.token}`;
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${t.service().baseUrl}${path}`, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
    const text = await response.text();
    const body = text === '' ? null : (JSON.parse(text) as Record<string, unknown>);
    return { status: response.status, headers: response.headers, body };
  }

  return { t, topic, writer, reader, tokenOf, call };
}
