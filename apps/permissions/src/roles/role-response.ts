import { z } from 'zod';
import { BuiltInRole } from './catalog/built-in-roles';
import { CustomRole } from './role.state';

export const roleResponseSchema = z.object({
  roleId: z.string(),
  /** Null for a built-in role, which every tenant has. */
  tenantId: z.string().nullable().describe('the owning tenant; null for a built-in role'),
  name: z.string(),
  builtIn: z.boolean().describe('built-in roles cannot be changed or deleted'),
  description: z.string().nullable(),
  permissions: z.array(z.string()),
  version: z.number().int().describe('the role stream version (the ETag); 0 for a built-in role'),
});
export type RoleResponse = z.output<typeof roleResponseSchema>;

export const roleListSchema = z.object({ roles: z.array(roleResponseSchema) });
export type RoleListResponse = z.output<typeof roleListSchema>;

export const builtInRoleResponse = (role: BuiltInRole): RoleResponse => ({
  roleId: role.roleId,
  tenantId: null,
  name: role.name,
  builtIn: true,
  description: role.description,
  permissions: [...role.permissions],
  version: 0,
});

export const customRoleResponse = (
  role: Pick<CustomRole, 'roleId' | 'tenantId' | 'name' | 'permissions'>,
  version: number,
): RoleResponse => ({
  roleId: role.roleId,
  tenantId: role.tenantId,
  name: role.name,
  builtIn: false,
  description: null,
  permissions: [...role.permissions],
  version,
});
