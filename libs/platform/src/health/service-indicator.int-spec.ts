import { Injectable, Module } from '@nestjs/common';
import { eventually } from '@extapps/testing';
import { defineService } from '../app/service-definition';
import { ServiceModule } from '../app/service.module';
import { baseConfigSchema } from '../config/base-config';
import { RunningService, startService, testEnv } from '../testing/service-app';

/** Stands for a service's own condition, e.g. "has caught up with its topic". */
@Injectable()
class Warmup {
  done = false;
  async check(): Promise<void> {
    if (!this.done) throw new Error('still warming up');
  }
}

@Module({ providers: [Warmup] })
class FeatureModule {}

const warmingService = defineService({
  name: 'warming',
  configSchema: baseConfigSchema({ name: 'warming', defaultPort: 3998 }),
  appModule: (config) => ({
    module: FeatureModule,
    imports: [
      ServiceModule.forRoot(config, { healthIndicators: [{ name: 'warmup', provider: Warmup }] }),
    ],
  }),
});

describe('a service health indicator of a feature module', () => {
  let service: RunningService;
  beforeAll(async () => {
    service = await startService(warmingService, testEnv('warming'));
  });
  afterAll(() => service.close());

  const ready = async () => {
    const response = await fetch(`${service.baseUrl}/health/ready`);
    return { status: response.status, body: (await response.json()) as unknown };
  };

  it('keeps the service unready while it fails, next to mongo and kafka, and ready once it passes', async () => {
    await eventually(async () =>
      expect(await ready()).toEqual({
        status: 503,
        body: { status: 'unavailable', checks: { mongo: 'up', kafka: 'up', warmup: 'down' } },
      }),
    );
    service.app.get(Warmup).done = true;
    expect(await ready()).toEqual({
      status: 200,
      body: { status: 'ok', checks: { mongo: 'up', kafka: 'up', warmup: 'up' } },
    });
  });
});
