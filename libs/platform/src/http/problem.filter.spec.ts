import { Body, Controller, Get, Post } from '@nestjs/common';
import { z } from 'zod';
import { createTestHttpApp, HttpAppUnderTest } from '../testing/http-app';
import { Public } from './public.decorator';
import { ZodValidationPipe } from './validation';

const NewApp = z.object({
  name: z.string().min(1),
  redirectUris: z.array(z.url()),
});

@Public()
@Controller('demo')
class FailingController {
  @Post('apps')
  create(@Body(new ZodValidationPipe(NewApp)) body: z.output<typeof NewApp>) {
    return body;
  }

  @Get('boom')
  boom(): never {
    throw new Error('secret internals: mongodb://admin:hunter2@db');
  }
}

const PROBLEM_JSON = /^application\/problem\+json/;

describe('ProblemFilter over HTTP', () => {
  let subject: HttpAppUnderTest;
  beforeEach(async () => {
    subject = await createTestHttpApp({
      controllers: [FailingController],
      bodyLimitBytes: 256,
    });
  });
  afterEach(() => subject.app.close());

  const post = (payload: string, correlationId: string) =>
    subject.app.inject({
      method: 'POST',
      url: '/demo/apps',
      payload,
      headers: {
        'content-type': 'application/json',
        'x-correlation-id': correlationId,
      },
    });

  it('reports validation failures as 400 problem+json with field-level errors', async () => {
    const response = await post(
      JSON.stringify({ name: '', redirectUris: ['not a url'] }),
      'corr-v',
    );
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toMatch(PROBLEM_JSON);
    const problem = response.json();
    expect(problem).toMatchObject({
      status: 400,
      title: 'Validation failed',
      instance: '/demo/apps',
      correlationId: 'corr-v',
    });
    expect(problem.errors.map((e: { field: string }) => e.field)).toEqual([
      'name',
      'redirectUris.0',
    ]);
  });

  it('turns an unexpected error into a generic 500 and logs it with its stack', async () => {
    const response = await subject.app.inject({
      method: 'GET',
      url: '/demo/boom',
      headers: { 'x-correlation-id': 'corr-500' },
    });
    expect(response.statusCode).toBe(500);
    expect(response.headers['content-type']).toMatch(PROBLEM_JSON);
    expect(response.body).not.toContain('hunter2');
    expect(response.json()).toMatchObject({
      status: 500,
      correlationId: 'corr-500',
    });
    const logged = subject.logs.lines().find((l) => l['msg'] === 'request failed');
    expect(logged).toMatchObject({ level: 'error', correlationId: 'corr-500' });
    expect((logged?.['err'] as { stack: string }).stack).toContain('problem.filter.spec.ts');
  });

  it('refuses a body over the limit with 413 problem+json', async () => {
    const response = await post(
      JSON.stringify({ name: 'x'.repeat(300), redirectUris: [] }),
      'corr-big',
    );
    expect(response.statusCode).toBe(413);
    expect(response.headers['content-type']).toMatch(PROBLEM_JSON);
    expect(response.json()).toMatchObject({
      status: 413,
      title: 'Payload Too Large',
      correlationId: 'corr-big',
    });
  });

  it('refuses malformed JSON with 400 problem+json', async () => {
    const response = await post('{"name":', 'corr-json');
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toMatch(PROBLEM_JSON);
    expect(response.json()).toMatchObject({
      status: 400,
      title: 'Bad Request',
      correlationId: 'corr-json',
    });
  });

  it('answers a malformed URL, refused before any route runs, with 400 problem+json', async () => {
    const response = await subject.app.inject({
      method: 'GET',
      url: '/demo/%zz',
      headers: { 'x-correlation-id': 'corr-url' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toMatch(PROBLEM_JSON);
    expect(response.headers['x-correlation-id']).toBe('corr-url');
    expect(response.json()).toEqual({
      type: 'about:blank',
      title: 'Bad Request',
      status: 400,
      detail: "'/demo/%zz' is not a valid url component",
      instance: '/demo/%zz',
      correlationId: 'corr-url',
    });
  });
});
