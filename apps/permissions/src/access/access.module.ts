import { Global, Module } from '@nestjs/common';
import { ROOT_LOGGER } from '@extapps/platform';
import { Logger } from 'pino';
import { BuiltInRole } from '../roles/catalog/built-in-roles';
import { BUILT_IN_ROLES, PERMISSION_CATALOG } from '../roles/catalog/catalog.module';
import { PermissionCatalog } from '../roles/catalog/permission-catalog';
import { AccessFeed } from './access-feed';
import { AccessIndex } from './access-index';
import { ACCESS_PROJECTION, ASSIGNMENT_LOOKUP, FOLDER_LOOKUP, PRINCIPAL_DIRECTORY } from './ports';

/** The readiness check to pass to ServiceModule.forRoot's `healthIndicators`. */
export const ACCESS_INDEX_HEALTH = { name: 'access-index', provider: AccessFeed } as const;

function createIndex(
  catalog: PermissionCatalog,
  builtIns: readonly BuiltInRole[],
  logger: Logger,
): AccessIndex {
  return new AccessIndex({
    catalog: catalog.permissions.map((p) => p.name),
    builtInRoles: new Map(builtIns.map((role) => [role.roleId, role])),
    onInconsistent: ({ type, streamId, streamVersion }) =>
      logger.warn(
        { type, streamId, streamVersion },
        'access index: the event names something the index does not hold',
      ),
  });
}

/**
 * The access index and its Kafka feed. Global: the write side's handlers inject the read ports
 * (one AccessIndex behind all four) and apply their own events to it right after appending.
 * Needs the global PermissionCatalogModule (catalog and built-in roles).
 */
@Global()
@Module({
  providers: [
    {
      provide: AccessIndex,
      inject: [PERMISSION_CATALOG, BUILT_IN_ROLES, ROOT_LOGGER],
      useFactory: createIndex,
    },
    { provide: PRINCIPAL_DIRECTORY, useExisting: AccessIndex },
    { provide: ASSIGNMENT_LOOKUP, useExisting: AccessIndex },
    { provide: FOLDER_LOOKUP, useExisting: AccessIndex },
    { provide: ACCESS_PROJECTION, useExisting: AccessIndex },
    AccessFeed,
  ],
  exports: [
    AccessIndex,
    PRINCIPAL_DIRECTORY,
    ASSIGNMENT_LOOKUP,
    FOLDER_LOOKUP,
    ACCESS_PROJECTION,
    AccessFeed,
  ],
})
export class AccessModule {}
