import { DynamicModule, Module } from '@nestjs/common';
import { ServiceModule } from '@extapps/platform';
import { RegistrationConfig } from './config';

@Module({})
export class AppModule {
  static forRoot(config: RegistrationConfig): DynamicModule {
    return { module: AppModule, imports: [ServiceModule.forRoot(config)] };
  }
}
