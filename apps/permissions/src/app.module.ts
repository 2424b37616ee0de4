import { DynamicModule, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { ServiceModule } from '@extapps/platform';
import { AccessModule, ACCESS_INDEX_HEALTH } from './access/access.module';
import { CachingAdminAuthenticator } from './check/caching-admin-authenticator';
import { CheckModule } from './check/check.module';
import { PermissionsConfig } from './config';
import { DocsModule } from './docs/docs.module';
import { InfrastructureModule } from './infrastructure/infrastructure.module';
import { AssignmentsModule } from './assignments/assignments.module';
import { ReactionsModule } from './reactions/reactions.module';
import { PermissionCatalogModule } from './roles/catalog/catalog.module';
import { RolesModule } from './roles/roles.module';
import { TenantsModule } from './tenants/tenants.module';

/*
 * The access index must provide ACCESS_PROJECTION, ASSIGNMENT_LOOKUP (and the other read ports
 * of access/ports.ts) from a global module: the command runner and the tenant handlers inject
 * them. Feature modules: one line each in `features` below.
 */
const features = [
  TenantsModule,
  PermissionCatalogModule,
  RolesModule,
  AssignmentsModule,
  ReactionsModule,
  CheckModule,
];

@Module({})
export class AppModule {
  static forRoot(config: PermissionsConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ServiceModule.forRoot(config, {
          // Admin tokens, each verified once until it expires (the check API is called per request).
          authenticator: CachingAdminAuthenticator,
          healthIndicators: [ACCESS_INDEX_HEALTH],
        }),
        CqrsModule.forRoot(),
        InfrastructureModule.forRoot(),
        AccessModule,
        ...features,
        DocsModule,
      ],
    };
  }
}
