import { findScope, resourceCatalogSchema, SCOPE_NAME } from './resource-catalog';
import { AdminScopes, DEFAULT_RESOURCE_CATALOG, EXTAPPS_ADMIN_RESOURCE } from './default-catalog';

const catalog = resourceCatalogSchema.parse({
  resources: [
    {
      id: 'OrchestratorApiUserAccess',
      name: 'Orchestrator API',
      userScopes: [{ name: 'OR.Jobs.Read', description: 'Read jobs' }],
      applicationScopes: [
        { name: 'OR.Jobs.Read', description: 'Read jobs' },
        { name: 'OR.Jobs', description: 'Read and write jobs' },
      ],
    },
  ],
});

describe('resource catalog', () => {
  it.each(['OR.Jobs', 'OR.Jobs.Read', 'DU.Digitization.Api'])(
    'accepts the scope name %s',
    (name) => {
      expect(name).toMatch(SCOPE_NAME);
    },
  );

  it.each(['OR', 'OR.', '.Jobs', 'OR.Jobs.Read.Extra', 'OR Jobs', 'OR.Jobs.*'])(
    'refuses the scope name %s',
    (name) => {
      expect(name).not.toMatch(SCOPE_NAME);
    },
  );

  it('given the same name as user and application scope, then the kind picks the definition', () => {
    expect(findScope(catalog, 'OR.Jobs.Read', 'user')?.resource.id).toBe(
      'OrchestratorApiUserAccess',
    );
    expect(findScope(catalog, 'OR.Jobs', 'user')).toBeUndefined();
    expect(findScope(catalog, 'OR.Jobs', 'application')?.scope.description).toBe(
      'Read and write jobs',
    );
  });

  it('given duplicate scope names within a kind, then the catalog is refused', () => {
    const duplicated = {
      resources: [
        {
          id: 'A',
          name: 'A',
          userScopes: [
            { name: 'A.B', description: 'x' },
            { name: 'A.B', description: 'y' },
          ],
          applicationScopes: [],
        },
      ],
    };

    expect(resourceCatalogSchema.safeParse(duplicated).success).toBe(false);
  });

  it('given duplicate resource ids, then the catalog is refused', () => {
    const resource = {
      id: 'A',
      name: 'A',
      userScopes: [],
      applicationScopes: [],
    };

    expect(resourceCatalogSchema.safeParse({ resources: [resource, resource] }).success).toBe(
      false,
    );
  });

  it('given one user scope name in two resources, then the catalog is refused', () => {
    const scope = { name: 'A.B', description: 'x' };
    const resources = ['A', 'B'].map((id) => ({
      id,
      name: id,
      userScopes: [scope],
      applicationScopes: [],
    }));

    expect(resourceCatalogSchema.safeParse({ resources }).success).toBe(false);
  });

  it('given an empty catalog, then it is refused', () => {
    expect(resourceCatalogSchema.safeParse({ resources: [] }).success).toBe(false);
  });
});

describe('the default catalog', () => {
  it('offers the admin scopes as application scopes of the admin resource', () => {
    for (const scope of [AdminScopes.appsRead, AdminScopes.appsWrite]) {
      expect(findScope(DEFAULT_RESOURCE_CATALOG, scope, 'application')?.resource.id).toBe(
        EXTAPPS_ADMIN_RESOURCE,
      );
    }
  });
});
