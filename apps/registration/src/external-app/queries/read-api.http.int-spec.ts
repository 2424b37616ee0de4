import { Injectable } from '@nestjs/common';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AdminScopes, DEFAULT_RESOURCE_CATALOG } from '@extapps/contracts';
import { Authenticator, Principal, SERVICE_CONFIG } from '@extapps/platform';
import { createTestHttpApp } from '@extapps/platform/testing';
import { ManualClock } from '@extapps/testing';
import type { FastifyRequest } from 'fastify';
import { CLOCK, EVENT_STORE, RESOURCE_CATALOG } from '../../infrastructure/tokens';
import { ResourcesController } from '../../resources/resources.controller';
import { EXPIRING_SECRETS_SOURCE } from '../../secret-expiry/expiring-secrets';
import { ExpiringSecretsController } from '../../secret-expiry/expiring-secrets.controller';
import { ExpiringSecretsQuery } from '../../secret-expiry/expiring-secrets.query';
import { SecretUsageStore } from '../../secret-usage/secret-usage.store';
import { AppViewStore } from '../projections/app-view.store';
import { day, readSide, ReadSide, registerApp } from '../projections/testing/read-side-fixture';
import { newSecret } from '../testing/fixtures';
import { AppHistory } from './app-history';
import { AppQueries } from './app-queries';
import { AppsQueryController } from './apps-query.controller';

/** Scopes come from a test header: what a verified token would carry. */
@Injectable()
class HeaderAuthenticator implements Authenticator {
  async authenticate(request: FastifyRequest): Promise<Principal | null> {
    const scopes = request.headers['x-test-scopes'];
    if (typeof scopes !== 'string') return null;
    return { subject: 'admin-app', subjectType: 'app', scopes: scopes.split(' ') };
  }
}

describe('the read API over HTTP', () => {
  let side: ReadSide;
  let app: NestFastifyApplication;
  const clock = new ManualClock(day(20));

  beforeAll(async () => {
    side = await readSide('read_api');
    await side.given('api-1', [
      registerApp('api-1', 'Billing robot', day(1), day(30)),
      { command: { type: 'RenameExternalApp', name: 'Invoicing robot' }, at: day(5) },
      { command: { type: 'AddSecret', ...newSecret(2, day(60)) }, at: day(6) },
    ]);
    await side.given('api-2', [registerApp('api-2', 'Desk robot', day(2))]);
    ({ app } = await createTestHttpApp({
      authenticator: HeaderAuthenticator,
      controllers: [AppsQueryController, ExpiringSecretsController, ResourcesController],
      providers: [
        { provide: AppViewStore, useValue: side.views },
        { provide: SecretUsageStore, useValue: side.usage },
        { provide: EVENT_STORE, useValue: side.store },
        { provide: CLOCK, useValue: clock },
        { provide: RESOURCE_CATALOG, useValue: DEFAULT_RESOURCE_CATALOG },
        { provide: SERVICE_CONFIG, useValue: { SECRET_EXPIRY_WARNING_DAYS: 14 } },
        { provide: EXPIRING_SECRETS_SOURCE, useClass: ExpiringSecretsQuery },
        AppQueries,
        AppHistory,
      ],
    }));
  });
  afterAll(async () => {
    await app.close();
    await side.close();
  });

  const get = (url: string, scopes: string | null = AdminScopes.appsRead) =>
    app.inject({ method: 'GET', url, headers: scopes === null ? {} : { 'x-test-scopes': scopes } });

  it('refuses callers without a token (401) or without the read scope (403)', async () => {
    expect((await get('/v1/apps', null)).statusCode).toBe(401);
    for (const url of ['/v1/apps', '/v1/apps/api-1', '/v1/expiring-secrets', '/v1/resources']) {
      expect((await get(url, AdminScopes.appsWrite)).statusCode).toBe(403);
    }
  });

  it('lists apps with filters and a cursor', async () => {
    const first = await get('/v1/apps?limit=1&name=ROBOT');
    const body = first.json<{ items: { id: string }[]; nextCursor: string }>();
    const second = await get(`/v1/apps?limit=1&name=ROBOT&cursor=${body.nextCursor}`);

    expect(first.statusCode).toBe(200);
    expect(body.items.map((a) => a.id)).toEqual(['api-1']);
    expect(second.json()).toMatchObject({ items: [{ id: 'api-2' }], nextCursor: null });
  });

  it('refuses unknown and malformed parameters with field errors', async () => {
    const response = await get('/v1/apps?limit=0&color=red&cursor=bm9wZQ&status=gone');

    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    const fields = response.json<{ errors: { field: string }[] }>().errors.map((e) => e.field);
    expect(fields.sort()).toEqual(['color', 'cursor', 'limit', 'status']);
    expect((await get('/v1/apps/api-1?asOf=yesterday')).json()).toMatchObject({
      status: 400,
      errors: [{ field: 'asOf' }],
    });
    expect((await get('/v1/apps/api-1/history?page=2')).statusCode).toBe(400);
    expect((await get('/v1/expiring-secrets?withinDays=0')).statusCode).toBe(400);
  });

  it('shows one app with its version as ETag, and 404 for an unknown one', async () => {
    const response = await get('/v1/apps/api-1');
    const missing = await get('/v1/apps/nobody');

    expect(response.statusCode).toBe(200);
    expect(response.headers.etag).toBe('"3"');
    expect(response.json()).toMatchObject({
      id: 'api-1',
      name: 'Invoicing robot',
      version: 3,
      secrets: [
        { id: 'sec-1', status: 'active', lastUsedAt: null },
        { id: 'sec-2', status: 'active' },
      ],
    });
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('shows the app as of an instant, and 404 before it existed', async () => {
    const then = await get(
      `/v1/apps/api-1?asOf=${encodeURIComponent('2026-03-04T00:00:00+02:00')}`,
    );

    expect(then.statusCode).toBe(200);
    expect(then.json()).toMatchObject({ name: 'Billing robot', version: 1 });
    expect((await get('/v1/apps/api-1?asOf=2026-01-01T00:00:00Z')).statusCode).toBe(404);
  });

  it('pages the history, and 404 for an unknown app', async () => {
    const response = await get('/v1/apps/api-1/history?limit=2');

    expect(response.json()).toMatchObject({
      items: [
        { version: 1 },
        { version: 2, data: { before: 'Billing robot', after: 'Invoicing robot' } },
      ],
      nextCursor: expect.any(String),
    });
    expect((await get('/v1/apps/nobody/history')).statusCode).toBe(404);
  });

  it('lists secrets expiring within the configured window or the one asked for', async () => {
    const expected = {
      appId: 'api-1',
      appName: 'Invoicing robot',
      secretId: 'sec-1',
      description: 'secret 1',
      expiresAt: day(30).toISOString(),
      expiryWarnedAt: null,
    };

    expect((await get('/v1/expiring-secrets')).json()).toEqual({ items: [expected] });
    expect((await get('/v1/expiring-secrets?withinDays=5')).json()).toEqual({ items: [] });
    expect(
      (await get('/v1/expiring-secrets?withinDays=60')).json<{ items: unknown[] }>().items,
    ).toHaveLength(2);
  });

  it('serves the resource catalog', async () => {
    expect((await get('/v1/resources')).json()).toEqual(DEFAULT_RESOURCE_CATALOG);
  });
});
