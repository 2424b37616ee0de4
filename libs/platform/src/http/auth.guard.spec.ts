import { Controller, Get, Injectable, Req, ServiceUnavailableException } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { createTestHttpApp, HttpAppUnderTest } from '../testing/http-app';
import { Authenticator, Principal } from './authenticator';
import { Public } from './public.decorator';

const alice: Principal = {
  subject: 'alice',
  subjectType: 'user',
  scopes: ['OR.Jobs.Read'],
};
let handlerRuns = 0;

@Controller('v1')
class SampleController {
  @Get('private')
  whoAmI(@Req() request: FastifyRequest): Principal | undefined {
    handlerRuns++;
    return request.principal;
  }

  @Public()
  @Get('open')
  open(): { open: true } {
    return { open: true };
  }
}

/** Accepts exactly `Bearer alice`; `Bearer outage` stands for credentials it cannot check now. */
@Injectable()
class FakeAuthenticator implements Authenticator {
  async authenticate(request: FastifyRequest): Promise<Principal | null> {
    if (request.headers.authorization === 'Bearer outage')
      throw new ServiceUnavailableException('keys unavailable');
    return request.headers.authorization === 'Bearer alice' ? alice : null;
  }
}

describe('AuthGuard', () => {
  let subject: HttpAppUnderTest;
  afterEach(() => subject.app.close());

  describe('with no authentication mechanism configured', () => {
    beforeEach(async () => {
      subject = await createTestHttpApp({ controllers: [SampleController] });
    });

    it('rejects a route not marked public with 401 problem+json, before the handler runs', async () => {
      const runsBefore = handlerRuns;
      const response = await subject.app.inject({
        method: 'GET',
        url: '/v1/private',
        headers: { authorization: 'Bearer alice' },
      });
      expect(response.statusCode).toBe(401);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.headers['www-authenticate']).toBe('Bearer realm="extapps"');
      expect(response.json()).toMatchObject({
        status: 401,
        detail: 'Authentication is required.',
        instance: '/v1/private',
      });
      expect(handlerRuns).toBe(runsBefore);
    });

    it('lets public routes through', async () => {
      expect((await subject.app.inject({ method: 'GET', url: '/v1/open' })).json()).toEqual({
        open: true,
      });
      expect((await subject.app.inject({ method: 'GET', url: '/health/live' })).statusCode).toBe(
        200,
      );
    });

    it('answers unknown paths with 401 too, so anonymous callers cannot map the API', async () => {
      const response = await subject.app.inject({
        method: 'DELETE',
        url: '/v2/nothing/here?x=1',
      });
      expect(response.statusCode).toBe(401);
      expect(response.json()).toMatchObject({ instance: '/v2/nothing/here' });
    });
  });

  it('accepts a principal attached earlier by another mechanism', async () => {
    subject = await createTestHttpApp({
      controllers: [SampleController],
      configureFastify: (fastify) =>
        fastify.addHook('preHandler', async (request) => {
          request.principal = alice;
        }),
    });
    const response = await subject.app.inject({
      method: 'GET',
      url: '/v1/private',
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual(alice);
  });

  describe('with an Authenticator', () => {
    beforeEach(async () => {
      subject = await createTestHttpApp({
        controllers: [SampleController],
        authenticator: FakeAuthenticator,
      });
    });

    it('attaches the principal it returns and runs the handler', async () => {
      const response = await subject.app.inject({
        method: 'GET',
        url: '/v1/private',
        headers: { authorization: 'Bearer alice' },
      });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual(alice);
    });

    it('rejects when it finds no principal', async () => {
      const response = await subject.app.inject({
        method: 'GET',
        url: '/v1/private',
        headers: { authorization: 'Bearer mallory' },
      });
      expect(response.statusCode).toBe(401);
      expect(response.headers['www-authenticate']).toBe('Bearer realm="extapps"');
    });

    it('lets the authenticator answer for itself when it throws', async () => {
      const response = await subject.app.inject({
        method: 'GET',
        url: '/v1/private',
        headers: { authorization: 'Bearer outage' },
      });
      expect(response.statusCode).toBe(503);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    });

    it('answers unknown paths with 404 problem+json once the caller is authenticated', async () => {
      const response = await subject.app.inject({
        method: 'GET',
        url: '/v1/missing',
        headers: { authorization: 'Bearer alice' },
      });
      expect(response.statusCode).toBe(404);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.json()).toMatchObject({
        title: 'Not Found',
        detail: 'No route for GET /v1/missing.',
      });
    });
  });
});
