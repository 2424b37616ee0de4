import { Body, Controller, Inject, Post } from '@nestjs/common';
import { Logger } from 'pino';
import { validate, version } from 'uuid';
import { currentCorrelationId } from '../logging/correlation';
import { createTestHttpApp, HttpAppUnderTest } from '../testing/http-app';
import { ROOT_LOGGER } from '../tokens';
import { Public } from './public.decorator';

@Public()
@Controller('demo')
class DemoController {
  constructor(@Inject(ROOT_LOGGER) private readonly logger: Logger) {}

  @Post('apps')
  async create(@Body() body: { name: string }) {
    await new Promise((resolve) => setImmediate(resolve));
    this.logger.info({ name: body.name }, 'creating app');
    return { name: body.name, seenCorrelationId: currentCorrelationId() };
  }
}

describe('request pipeline', () => {
  let subject: HttpAppUnderTest;
  beforeEach(async () => {
    subject = await createTestHttpApp({ controllers: [DemoController] });
  });
  afterEach(() => subject.app.close());

  const postApp = (payload: object, headers: Record<string, string> = {}) =>
    subject.app.inject({
      method: 'POST',
      url: '/demo/apps?token=t0p',
      payload,
      headers,
    });

  it('echoes the caller correlation id and tags every log line of the request with it', async () => {
    const response = await postApp({ name: 'a' }, { 'x-correlation-id': 'corr-42' });
    expect(response.headers['x-correlation-id']).toBe('corr-42');
    expect(response.json()).toEqual({
      name: 'a',
      seenCorrelationId: 'corr-42',
    });
    expect(subject.logs.lines().find((l) => l['msg'] === 'creating app')).toMatchObject({
      correlationId: 'corr-42',
      level: 'info',
      service: 'test',
    });
  });

  it('generates a UUID v7 when the caller id is missing or invalid', async () => {
    const variants: Record<string, string>[] = [{}, { 'x-correlation-id': 'bad id' }];
    for (const headers of variants) {
      const response = await subject.app.inject({
        method: 'GET',
        url: '/health/live',
        headers,
      });
      const id = String(response.headers['x-correlation-id']);
      expect(validate(id) && version(id)).toBe(7);
    }
  });

  it('writes one access line per request without query string, headers or body', async () => {
    await postApp(
      { name: 'secret-name' },
      { 'x-correlation-id': 'corr-7', authorization: 'Bearer abc' },
    );
    const access = subject.logs.lines().filter((l) => l['msg'] === 'request completed');
    expect(access).toHaveLength(1);
    expect(access[0]).toMatchObject({
      correlationId: 'corr-7',
      method: 'POST',
      url: '/demo/apps',
      status: 201,
    });
    expect(typeof access[0]['durationMs']).toBe('number');
    expect(JSON.stringify(access[0])).not.toMatch(/t0p|Bearer|secret-name/);
  });
});
