import { Controller, Get, HttpStatus, Param, Query, UseFilters } from '@nestjs/common';
import { AdminScopes, principalSchema } from '@extapps/contracts';
import { RequireScopes } from '@extapps/platform';
import { AccessIndex } from '../access/access-index';
import { ProblemCodeFilter } from '../infrastructure/http/problem.filter';
import { PermissionsProblem } from '../infrastructure/http/problems';
import { QueryPipe } from '../infrastructure/http/query-pipe';
import { AccessReadiness } from './access-readiness';
import {
  EffectivePermissionsQuery,
  effectivePermissionsQuerySchema,
  EffectivePermissionsResponse,
} from './check-schemas';

/**
 * `GET /v1/principals/{id}/effective-permissions?type=app|user&tenant=&folder=`: the id first,
 * as the issue spells the path; `type` (default app) tells an app's client id from a user id.
 */
@Controller('v1/principals')
@UseFilters(ProblemCodeFilter)
@RequireScopes(AdminScopes.permissionsRead)
export class EffectivePermissionsController {
  constructor(
    private readonly index: AccessIndex,
    private readonly readiness: AccessReadiness,
  ) {}

  @Get(':id/effective-permissions')
  get(
    @Param('id') id: string,
    @Query(new QueryPipe(effectivePermissionsQuerySchema)) query: EffectivePermissionsQuery,
  ): EffectivePermissionsResponse {
    const principal = principalSchema.safeParse({ type: query.type, id });
    if (!principal.success) throw unknownPrincipal();
    this.readiness.assertReady();
    const at = { principal: principal.data, tenantId: query.tenant, folderId: query.folder };
    const result = this.index.effectivePermissions(at);
    const place = { principal: principal.data, tenant: query.tenant, folder: query.folder ?? null };
    if (result.ok) return { ...place, permissions: result.permissions };
    const { code, message } = result.reason;
    if (code === 'principal-disabled' || code === 'principal-deleted') {
      return { ...place, permissions: [], inactive: result.reason };
    }
    throw new PermissionsProblem(HttpStatus.NOT_FOUND, code, message);
  }
}

const unknownPrincipal = () =>
  new PermissionsProblem(
    HttpStatus.NOT_FOUND,
    'unknown-principal',
    'No app or user with this id is known to the permissions service.',
  );
