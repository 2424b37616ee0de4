import { DynamicModule, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { ServiceModule } from '@extapps/platform';
import { BootstrapModule } from './bootstrap/bootstrap.module';
import { RegistrationConfig } from './config';
import { DocsModule } from './docs/docs.module';
import { CommandsModule } from './external-app/commands/commands.module';
import { AdminAuthenticator } from './infrastructure/admin-authenticator';
import { InfrastructureModule } from './infrastructure/infrastructure.module';
import { ReadSideModule } from './read-side.module';

@Module({})
export class AppModule {
  static forRoot(config: RegistrationConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ServiceModule.forRoot(config, { authenticator: AdminAuthenticator }),
        CqrsModule.forRoot(),
        InfrastructureModule.forRoot(config),
        ReadSideModule,
        CommandsModule,
        BootstrapModule,
        DocsModule,
      ],
    };
  }
}
