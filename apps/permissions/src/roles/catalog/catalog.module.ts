import { Global, Module } from '@nestjs/common';
import { SERVICE_CONFIG } from '@extapps/platform';
import { PermissionsConfig } from '../../config';
import { BuiltInRole, builtInRoles } from './built-in-roles';
import { DEFAULT_PERMISSION_CATALOG, PermissionCatalog } from './permission-catalog';

/** The PermissionCatalog in force: PERMISSION_CATALOG_FILE's, or the default. */
export const PERMISSION_CATALOG = Symbol('PERMISSION_CATALOG');
/** The built-in roles over that catalog: readonly BuiltInRole[]. */
export const BUILT_IN_ROLES = Symbol('BUILT_IN_ROLES');

/** Global: the roles, the assignments and the access index all read the same catalog. */
@Global()
@Module({
  providers: [
    {
      provide: PERMISSION_CATALOG,
      inject: [SERVICE_CONFIG],
      useFactory: (config: PermissionsConfig): PermissionCatalog =>
        config.PERMISSION_CATALOG_FILE?.catalog ?? DEFAULT_PERMISSION_CATALOG,
    },
    {
      provide: BUILT_IN_ROLES,
      inject: [PERMISSION_CATALOG],
      useFactory: (catalog: PermissionCatalog): readonly BuiltInRole[] => builtInRoles(catalog),
    },
  ],
  exports: [PERMISSION_CATALOG, BUILT_IN_ROLES],
})
export class PermissionCatalogModule {}
