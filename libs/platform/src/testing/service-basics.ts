import { eventually } from '@extapps/testing';
import { validate as isUuid, version as uuidVersion } from 'uuid';
import { z } from 'zod';
import { BaseConfig } from '../config/base-config';
import { CORRELATION_ID_HEADER } from '../logging/correlation';
import { ServiceDefinition } from '../app/service-definition';
import { RunningService, startService, testEnv } from './service-app';

const PROBLEM_JSON = /^application\/problem\+json/;

/**
 * What every service must do over HTTP before it has any features, run by each app's e2e spec
 * against real Kafka and MongoDB.
 */
export function describeServiceBasics<S extends z.ZodType<BaseConfig>>(
  service: ServiceDefinition<S>,
  /** Settings the service requires beyond the shared ones (e.g. a key), merged into testEnv. */
  extraEnv: Record<string, string> = {},
): void {
  describe(`${service.name} service basics (HTTP, real Kafka and MongoDB)`, () => {
    let running: RunningService;
    const get = (path: string, headers: Record<string, string> = {}) =>
      fetch(`${running.baseUrl}${path}`, { headers });

    beforeAll(async () => {
      running = await startService(service, { ...testEnv(service.name), ...extraEnv });
    });
    afterAll(async () => {
      await running?.close();
    });

    it('answers /health/live with 200', async () => {
      const response = await get('/health/live');
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ status: 'ok' });
    });

    it('becomes ready with both Kafka and MongoDB up', async () => {
      const body = await eventually(async () => {
        const response = await get('/health/ready');
        const json: unknown = await response.json();
        if (response.status !== 200) throw new Error(`not ready yet: ${JSON.stringify(json)}`);
        return json;
      });
      expect(body).toEqual({
        status: 'ok',
        // A service may add readiness checks of its own (ServiceModuleOptions.healthIndicators).
        checks: expect.objectContaining({ mongo: 'up', kafka: 'up' }),
      });
    });

    it('rejects an anonymous request to a non-public path with 401 problem+json', async () => {
      const response = await get('/v1/anything');
      expect(response.status).toBe(401);
      expect(response.headers.get('content-type')).toMatch(PROBLEM_JSON);
      expect(response.headers.get('www-authenticate')).toBe('Bearer realm="extapps"');
      const problem = (await response.json()) as Record<string, unknown>;
      expect(problem).toMatchObject({
        status: 401,
        title: 'Unauthorized',
        instance: '/v1/anything',
      });
      expect(problem['correlationId']).toBe(response.headers.get(CORRELATION_ID_HEADER));
    });

    it('echoes a valid caller correlation id and logs it on the access line', async () => {
      const response = await get('/health/live', {
        [CORRELATION_ID_HEADER]: `e2e-${service.name}:1`,
      });
      expect(response.headers.get(CORRELATION_ID_HEADER)).toBe(`e2e-${service.name}:1`);
      const access = await eventually(async () => {
        const line = running.logs
          .lines()
          .find((l) => l['correlationId'] === `e2e-${service.name}:1`);
        if (!line) throw new Error('no access log line yet');
        return line;
      });
      expect(access).toMatchObject({
        service: service.name,
        method: 'GET',
        url: '/health/live',
        status: 200,
      });
    });

    it('generates a UUID v7 correlation id when the caller sends none or an invalid one', async () => {
      const variants: Record<string, string>[] = [{}, { [CORRELATION_ID_HEADER]: 'not valid!' }];
      for (const headers of variants) {
        const id = (await get('/health/live', headers)).headers.get(CORRELATION_ID_HEADER) ?? '';
        expect(isUuid(id) && uuidVersion(id)).toBe(7);
      }
    });
  });
}
