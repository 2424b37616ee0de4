import { defineService } from '@extapps/platform';
import { AppModule } from './app.module';
import { configSchema, SERVICE_NAME } from './config';

export const registrationService = defineService({
  name: SERVICE_NAME,
  configSchema,
  appModule: (config) => AppModule.forRoot(config),
});
