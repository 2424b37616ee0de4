import { Controller, Get, Inject, Param, Query, Res, UseFilters } from '@nestjs/common';
import { AdminScopes } from '@extapps/contracts';
import { RequireScopes } from '@extapps/platform';
import type { FastifyReply } from 'fastify';
import { AggregateRepository } from '../../infrastructure/aggregate-repository';
import { ProblemCodeFilter } from '../../infrastructure/http/problem.filter';
import { notFound } from '../../infrastructure/http/problems';
import { QueryPipe } from '../../infrastructure/http/query-pipe';
import { setEtag } from '../../infrastructure/http/request-meta';
import { FolderIdPipe, TenantIdPipe } from '../commands/ids.pipe';
import { TenantInfo, TenantState } from '../tenant.state';
import { TENANT_REPOSITORY } from '../tenants.tokens';
import { TenantViewStore } from '../views/tenant-view.store';
import {
  ListFoldersQuery,
  listFoldersQuerySchema,
  ListTenantsQuery,
  listTenantsQuerySchema,
  TenantListResponse,
} from './query-schemas';
import {
  FolderListResponse,
  FolderResponse,
  TenantResponse,
  toFolderList,
  toFolderResponse,
  toTenantResponse,
} from './tenant-responses';

/**
 * Reads of tenants and folders. One tenant and its tree come from the aggregate (snapshot plus
 * tail): exact, and its version is the ETag a write must send back. The list comes from the
 * tenant view, which trails writes by a worker pass.
 */
@Controller('v1/tenants')
@UseFilters(ProblemCodeFilter)
@RequireScopes(AdminScopes.permissionsRead)
export class TenantsQueryController {
  constructor(
    @Inject(TENANT_REPOSITORY) private readonly tenants: AggregateRepository<TenantState>,
    private readonly views: TenantViewStore,
  ) {}

  @Get()
  async list(
    @Query(new QueryPipe(listTenantsQuerySchema)) query: ListTenantsQuery,
  ): Promise<TenantListResponse> {
    const page = await this.views.page(query.limit + 1, query.cursor);
    const items = page.slice(0, query.limit);
    const nextCursor = page.length > query.limit ? (items.at(-1)?.tenantId ?? null) : null;
    return { items, nextCursor };
  }

  @Get(':tenantId')
  async get(
    @Param('tenantId', TenantIdPipe) tenantId: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<TenantResponse> {
    const { tenant, version } = await this.load(tenantId, reply);
    return toTenantResponse(tenant, version);
  }

  @Get(':tenantId/folders')
  async folders(
    @Param('tenantId', TenantIdPipe) tenantId: string,
    @Query(new QueryPipe(listFoldersQuerySchema)) query: ListFoldersQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<FolderListResponse> {
    const { tenant, version } = await this.load(tenantId, reply);
    return toFolderList(tenant, version, query.format);
  }

  @Get(':tenantId/folders/:folderId')
  async folder(
    @Param('tenantId', TenantIdPipe) tenantId: string,
    @Param('folderId', FolderIdPipe) folderId: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<FolderResponse> {
    const { tenant, version } = await this.load(tenantId, reply);
    const folder = toFolderResponse(tenant, folderId, version);
    if (!folder) throw notFound('folder-not-found', 'the tenant has no such folder');
    return folder;
  }

  /** The live tenant with its version as ETag; 404 for an unknown or deleted one. */
  private async load(tenantId: string, reply: FastifyReply) {
    const { state, version } = await this.tenants.load(tenantId);
    if (state.status !== 'active') throw notFound('tenant-not-found', 'no such tenant');
    setEtag(reply, version);
    return { tenant: state as TenantInfo, version };
  }
}
