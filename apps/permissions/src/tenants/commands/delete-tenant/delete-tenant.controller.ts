import { Controller, Delete, Param, Query, Res, UseFilters } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { AdminScopes } from '@extapps/contracts';
import { RequireScopes } from '@extapps/platform';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { CommandMeta } from '../../../infrastructure/http/command-meta';
import { ProblemCodeFilter } from '../../../infrastructure/http/problem.filter';
import { cascadeQuerySchema, QueryPipe } from '../../../infrastructure/http/query-pipe';
import { Meta } from '../../../infrastructure/http/request-meta';
import { TenantIdPipe } from '../ids.pipe';
import { deletedReply } from '../tenant-replies';
import { DeleteTenantCommand } from './delete-tenant.command';

@Controller('v1/tenants')
@UseFilters(ProblemCodeFilter)
export class DeleteTenantController {
  constructor(private readonly commands: CommandBus) {}

  /** 204; refused with 409 tenant-not-empty while it has folders or assignments, unless cascade. */
  @Delete(':tenantId')
  @RequireScopes(AdminScopes.permissionsWrite)
  async delete(
    @Param('tenantId', TenantIdPipe) tenantId: string,
    @Query(new QueryPipe(cascadeQuerySchema)) query: z.output<typeof cascadeQuerySchema>,
    @Meta() meta: CommandMeta,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    const command = new DeleteTenantCommand(tenantId, query.cascade, meta);
    deletedReply(reply, await this.commands.execute(command));
  }
}
