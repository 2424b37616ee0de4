import { DynamicModule, Module } from '@nestjs/common';
import { ServiceModule } from '@extapps/platform';
import { TokenConfig } from './config';

@Module({})
export class AppModule {
  static forRoot(config: TokenConfig): DynamicModule {
    return { module: AppModule, imports: [ServiceModule.forRoot(config)] };
  }
}
