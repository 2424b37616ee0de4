import { Controller, Get, Inject, Param, Query, Res, UseFilters } from '@nestjs/common';
import { AdminScopes } from '@extapps/contracts';
import { RequireScopes, ZodValidationPipe } from '@extapps/platform';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { FOLDER_LOOKUP, FolderLookup } from '../../access/ports';
import { ProblemCodeFilter } from '../../infrastructure/http/problem.filter';
import { notFound } from '../../infrastructure/http/problems';
import { setEtag } from '../../infrastructure/http/request-meta';
import { PERMISSION_CATALOG } from '../catalog/catalog.module';
import { PermissionCatalog } from '../catalog/permission-catalog';
import { RoleIdPipe } from '../commands/role-id.pipe';
import { RoleDirectory } from '../role-directory';
import { RoleListResponse, RoleResponse } from '../role-response';

export const listRolesQuerySchema = z
  .object({
    tenant: z
      .string()
      .max(200)
      .optional()
      .describe('the tenant whose custom roles are listed after the built-in ones'),
  })
  .strict();
type ListRolesQuery = z.output<typeof listRolesQuerySchema>;

@Controller('v1')
@UseFilters(ProblemCodeFilter)
@RequireScopes(AdminScopes.permissionsRead)
export class RolesQueryController {
  constructor(
    private readonly roles: RoleDirectory,
    @Inject(PERMISSION_CATALOG) private readonly catalog: PermissionCatalog,
    @Inject(FOLDER_LOOKUP) private readonly folders: FolderLookup,
  ) {}

  /** The permission catalog: every name a role may hold and a check may ask about. */
  @Get('permissions')
  permissions(): PermissionCatalog {
    return this.catalog;
  }

  /** The built-in roles, then (with ?tenant=) the tenant's custom roles by name. */
  @Get('roles')
  async list(
    @Query(new ZodValidationPipe(listRolesQuerySchema)) query: ListRolesQuery,
  ): Promise<RoleListResponse> {
    if (query.tenant !== undefined && !this.folders.tenantExists(query.tenant)) {
      throw notFound('tenant-not-found', `no tenant ${query.tenant}`);
    }
    return { roles: await this.roles.list(query.tenant) };
  }

  /** A built-in or custom role with its version as ETag (0 for a built-in role). */
  @Get('roles/:roleId')
  async get(
    @Param('roleId', RoleIdPipe) roleId: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<RoleResponse> {
    const role = await this.roles.find(roleId);
    if (!role) throw notFound('role-not-found', `no role ${roleId}`);
    setEtag(reply, role.version);
    return role;
  }
}
