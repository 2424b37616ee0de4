import { ResourceCatalog, resourceCatalogSchema } from './resource-catalog';

/** The scopes that guard ExtApps' own admin APIs; the bootstrap admin app starts with both app scopes. */
export const AdminScopes = {
  appsRead: 'extapps.apps.read',
  appsWrite: 'extapps.apps.write',
  permissionsRead: 'extapps.permissions.read',
  permissionsWrite: 'extapps.permissions.write',
  auditRead: 'extapps.audit.read',
  usersRead: 'extapps.users.read',
  usersWrite: 'extapps.users.write',
} as const;

/** The audience of tokens for ExtApps' own admin APIs. */
export const EXTAPPS_ADMIN_RESOURCE = 'ExtAppsAdminApi';

/**
 * The catalog a service uses when none is configured (RESOURCE_CATALOG_FILE): ExtApps' own admin
 * API plus an Orchestrator-like API, so a fresh stack can register useful apps at once.
 */
export const DEFAULT_RESOURCE_CATALOG: ResourceCatalog = resourceCatalogSchema.parse({
  resources: [
    {
      id: EXTAPPS_ADMIN_RESOURCE,
      name: 'ExtApps administration',
      description: 'Registration, permissions, audit and user directory APIs of ExtApps itself.',
      userScopes: [
        { name: AdminScopes.appsRead, description: 'Read external apps' },
        { name: AdminScopes.appsWrite, description: 'Register and change external apps' },
      ],
      applicationScopes: [
        { name: AdminScopes.appsRead, description: 'Read external apps' },
        { name: AdminScopes.appsWrite, description: 'Register and change external apps' },
        { name: AdminScopes.permissionsRead, description: 'Read roles and assignments' },
        { name: AdminScopes.permissionsWrite, description: 'Change roles and assignments' },
        { name: AdminScopes.auditRead, description: 'Search and export the audit trail' },
        { name: AdminScopes.usersRead, description: 'Read organization users' },
        { name: AdminScopes.usersWrite, description: 'Create and change organization users' },
      ],
    },
    {
      id: 'OrchestratorApi',
      name: 'Orchestrator API',
      description: 'Jobs, queues, assets and folders of the automation platform.',
      userScopes: [
        { name: 'OR.Jobs.Read', description: 'Read jobs' },
        { name: 'OR.Jobs.Write', description: 'Start and stop jobs' },
        { name: 'OR.Queues.Read', description: 'Read queues and their items' },
        { name: 'OR.Folders.Read', description: 'Read folders' },
      ],
      applicationScopes: [
        { name: 'OR.Jobs', description: 'Read and write jobs' },
        { name: 'OR.Jobs.Read', description: 'Read jobs' },
        { name: 'OR.Queues', description: 'Read and write queues' },
        { name: 'OR.Assets.Read', description: 'Read assets' },
      ],
    },
  ],
});
