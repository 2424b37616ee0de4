import { DynamicModule, Module } from '@nestjs/common';
import { ServiceModule } from '@extapps/platform';
import { PermissionsConfig } from './config';

@Module({})
export class AppModule {
  static forRoot(config: PermissionsConfig): DynamicModule {
    return { module: AppModule, imports: [ServiceModule.forRoot(config)] };
  }
}
