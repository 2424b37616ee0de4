import { Module } from '@nestjs/common';
import { defineService } from '../app/service-definition';
import { ServiceModule } from '../app/service.module';
import { baseConfigSchema } from '../config/base-config';

@Module({})
class ProbeModule {}

/** A service with nothing but ServiceModule, for the platform's own integration tests. */
export const probeService = defineService({
  name: 'probe',
  configSchema: baseConfigSchema({ name: 'probe', defaultPort: 3999 }),
  appModule: (config) => ({
    module: ProbeModule,
    imports: [ServiceModule.forRoot(config)],
  }),
});
