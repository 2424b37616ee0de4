import { Controller, Get, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { Principal } from '../../http/authenticator';
import { createTestHttpApp, HttpAppUnderTest } from '../../testing/http-app';
import {
  IssueTokenOptions,
  startTestTokenIssuer,
  TestTokenIssuer,
} from '../../testing/token-issuer';
import { jwtAuthenticator, JwtAuthenticatorOptions } from '../jwt-authenticator';
import { RequireScopes } from '../require-scopes.decorator';

export const READ = 'extapps.apps.read';
export const WRITE = 'extapps.apps.write';
export const PROBLEM_JSON = /^application\/problem\+json/;

@Controller('v1/apps')
class AppsController {
  @RequireScopes(READ)
  @Get()
  list(@Req() request: FastifyRequest): Principal | undefined {
    return request.principal;
  }

  @RequireScopes(WRITE)
  @Get('write')
  write(): { written: true } {
    return { written: true };
  }
}

export interface JwtTestApp {
  readonly issuer: TestTokenIssuer;
  readonly http: HttpAppUnderTest;
  /** GET /v1/apps (needs READ), or `url`, with the token as bearer when given. */
  call(token?: string, url?: string): ReturnType<HttpAppUnderTest['app']['inject']>;
  /** A client-credentials token of app-1 with READ, unless overridden. */
  appToken(overrides?: Partial<IssueTokenOptions>): Promise<string>;
  /** Asserts the 401 invalid_token problem and challenge carrying `description`. */
  expectRefused(token: string, description: string): Promise<void>;
  close(): Promise<void>;
}

/** A test token issuer and an HTTP app whose guard uses a JwtAuthenticator trusting it. */
export async function startJwtTestApp(
  options: Partial<JwtAuthenticatorOptions> = {},
): Promise<JwtTestApp> {
  const issuer = await startTestTokenIssuer();
  const http = await createTestHttpApp({
    controllers: [AppsController],
    authenticator: jwtAuthenticator({
      issuer: issuer.issuer,
      jwksUrl: issuer.jwksUrl,
      audience: issuer.audience,
      ...options,
    }),
  });
  const call = (token?: string, url = '/v1/apps') =>
    http.app.inject({
      method: 'GET',
      url,
      headers: token === undefined ? {} : { authorization: `Bearer ${token}` },
    });
  return {
    issuer,
    http,
    call,
    appToken: (overrides = {}) => issuer.issue({ sub: 'app-1', scopes: [READ], ...overrides }),
    expectRefused: async (token, description) => {
      const response = await call(token);
      expect(response.statusCode).toBe(401);
      expect(response.headers['content-type']).toMatch(PROBLEM_JSON);
      expect(response.headers['www-authenticate']).toBe(
        `Bearer realm="extapps", error="invalid_token", error_description="${description}"`,
      );
      expect(response.json()).toMatchObject({ status: 401, detail: description });
    },
    close: async () => {
      await http.app.close();
      await issuer.close();
    },
  };
}
