import { Controller, Get, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { Authenticator, Principal } from '../http/authenticator';
import { Public } from '../http/public.decorator';
import { createTestHttpApp, HttpAppUnderTest } from '../testing/http-app';
import { RequireScopes } from './require-scopes.decorator';

const reader: Principal = { subject: 'app-1', subjectType: 'app', scopes: ['jobs.read'] };
let handlerRuns = 0;

@Controller('v1/jobs')
class JobsController {
  @RequireScopes('jobs.read')
  @Get()
  list(): { jobs: [] } {
    return { jobs: [] };
  }

  @RequireScopes('jobs.read', 'jobs.write')
  @Get('write')
  write(): { written: true } {
    handlerRuns++;
    return { written: true };
  }

  @Public()
  @RequireScopes('admin')
  @Get('open')
  open(): { open: true } {
    return { open: true };
  }
}

@RequireScopes('admin')
@Controller('v1/admin')
class AdminController {
  @RequireScopes('jobs.read')
  @Get('jobs')
  jobs(): { admin: true } {
    return { admin: true };
  }
}

/** Accepts exactly `Bearer reader`. */
@Injectable()
class ReaderAuthenticator implements Authenticator {
  async authenticate(request: FastifyRequest): Promise<Principal | null> {
    return request.headers.authorization === 'Bearer reader' ? reader : null;
  }
}

const PROBLEM_JSON = /^application\/problem\+json/;

describe('@RequireScopes', () => {
  let subject: HttpAppUnderTest;
  afterEach(() => subject.app.close());

  const get = (url: string, authorization?: string) =>
    subject.app.inject({ method: 'GET', url, headers: authorization ? { authorization } : {} });

  describe('with an Authenticator', () => {
    beforeEach(async () => {
      subject = await createTestHttpApp({
        controllers: [JobsController, AdminController],
        authenticator: ReaderAuthenticator,
      });
    });

    it('runs a route whose scopes the principal holds', async () => {
      const response = await get('/v1/jobs', 'Bearer reader');
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual({ jobs: [] });
    });

    it('refuses with 403 and an insufficient_scope challenge naming every required scope', async () => {
      const runsBefore = handlerRuns;
      const response = await get('/v1/jobs/write', 'Bearer reader');
      expect(response.statusCode).toBe(403);
      expect(response.headers['content-type']).toMatch(PROBLEM_JSON);
      expect(response.headers['www-authenticate']).toBe(
        'Bearer realm="extapps", error="insufficient_scope", scope="jobs.read jobs.write"',
      );
      expect(response.json()).toMatchObject({
        status: 403,
        detail: 'The access token lacks the required scope(s): jobs.write.',
        instance: '/v1/jobs/write',
      });
      expect(handlerRuns).toBe(runsBefore);
    });

    it('requires the controller scopes and the handler scopes together', async () => {
      const response = await get('/v1/admin/jobs', 'Bearer reader');
      expect(response.statusCode).toBe(403);
      expect(response.headers['www-authenticate']).toContain('scope="jobs.read admin"');
    });

    it('authenticates first: without a token the answer is 401, not 403', async () => {
      const response = await get('/v1/jobs/write');
      expect(response.statusCode).toBe(401);
      expect(response.headers['www-authenticate']).toBe('Bearer realm="extapps"');
    });

    it('leaves a public route open whatever scopes it names', async () => {
      expect((await get('/v1/jobs/open')).statusCode).toBe(200);
    });
  });

  it('checks the scopes of a principal attached earlier by another mechanism', async () => {
    subject = await createTestHttpApp({
      controllers: [JobsController],
      configureFastify: (fastify) =>
        fastify.addHook('preHandler', async (request) => {
          request.principal = reader;
        }),
    });
    expect((await get('/v1/jobs')).statusCode).toBe(200);
    expect((await get('/v1/jobs/write')).statusCode).toBe(403);
  });
});
