import { DynamicModule, Module } from '@nestjs/common';
import { ServiceModule } from '@extapps/platform';
import { AuditConfig } from './config';

@Module({})
export class AppModule {
  static forRoot(config: AuditConfig): DynamicModule {
    return { module: AppModule, imports: [ServiceModule.forRoot(config)] };
  }
}
