import { z } from 'zod';

/** `Service.Resource[.Access]`, e.g. `OR.Jobs.Read`. */
export const SCOPE_NAME = /^[A-Za-z][A-Za-z0-9]*(\.[A-Za-z][A-Za-z0-9]*){1,2}$/;

export type ScopeKind = 'user' | 'application';

export const scopeDefinitionSchema = z
  .object({
    name: z.string().regex(SCOPE_NAME, 'must look like Service.Resource[.Access]'),
    description: z.string().min(1),
  })
  .strict();
export type ScopeDefinition = z.infer<typeof scopeDefinitionSchema>;

const uniqueNames = (scopes: ScopeDefinition[]) =>
  new Set(scopes.map((s) => s.name)).size === scopes.length;

export const resourceSchema = z
  .object({
    /** The audience (`aud`) of tokens for this resource. */
    id: z
      .string()
      .regex(/^[A-Za-z][A-Za-z0-9._:/-]*$/)
      .max(200),
    name: z.string().min(1).max(200),
    description: z.string().max(1000).default(''),
    userScopes: z
      .array(scopeDefinitionSchema)
      .refine(uniqueNames, 'user scope names must be unique'),
    applicationScopes: z
      .array(scopeDefinitionSchema)
      .refine(uniqueNames, 'application scope names must be unique'),
  })
  .strict();
export type Resource = z.infer<typeof resourceSchema>;

/** A scope name of one kind belongs to one resource, so a scope alone determines the audience. */
function scopesOwnedOnce(resources: Resource[], kind: ScopeKind): boolean {
  const names = resources.flatMap((r) =>
    (kind === 'user' ? r.userScopes : r.applicationScopes).map((s) => s.name),
  );
  return new Set(names).size === names.length;
}

export const resourceCatalogSchema = z
  .object({ resources: z.array(resourceSchema).min(1) })
  .strict()
  .refine((c) => new Set(c.resources.map((r) => r.id)).size === c.resources.length, {
    message: 'resource ids must be unique',
  })
  .refine(
    (c) => scopesOwnedOnce(c.resources, 'user') && scopesOwnedOnce(c.resources, 'application'),
    {
      message: 'a scope name may belong to one resource only (per kind)',
    },
  );
export type ResourceCatalog = z.infer<typeof resourceCatalogSchema>;

/** Finds the resource that defines `scope` as a scope of `kind`; the grant type decides the kind. */
export function findScope(
  catalog: ResourceCatalog,
  scope: string,
  kind: ScopeKind,
): { resource: Resource; scope: ScopeDefinition } | undefined {
  for (const resource of catalog.resources) {
    const list = kind === 'user' ? resource.userScopes : resource.applicationScopes;
    const found = list.find((s) => s.name === scope);
    if (found) return { resource, scope: found };
  }
  return undefined;
}
