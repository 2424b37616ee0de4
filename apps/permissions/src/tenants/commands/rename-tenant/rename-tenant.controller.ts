import { Body, Controller, Param, Patch, Res, UseFilters } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { AdminScopes } from '@extapps/contracts';
import { RequireScopes, ZodValidationPipe } from '@extapps/platform';
import type { FastifyReply } from 'fastify';
import { CommandMeta } from '../../../infrastructure/http/command-meta';
import { ProblemCodeFilter } from '../../../infrastructure/http/problem.filter';
import { Meta } from '../../../infrastructure/http/request-meta';
import { TenantIdPipe } from '../ids.pipe';
import { tenantReply } from '../tenant-replies';
import { RenameTenantCommand } from './rename-tenant.command';
import { RenameTenantBody, renameTenantBodySchema } from './rename-tenant.dto';

@Controller('v1/tenants')
@UseFilters(ProblemCodeFilter)
export class RenameTenantController {
  constructor(private readonly commands: CommandBus) {}

  /** If-Match is required: a change must not silently overwrite one it never saw. */
  @Patch(':tenantId')
  @RequireScopes(AdminScopes.permissionsWrite)
  async rename(
    @Param('tenantId', TenantIdPipe) tenantId: string,
    @Body(new ZodValidationPipe(renameTenantBodySchema)) body: RenameTenantBody,
    @Meta({ ifMatch: 'required' }) meta: CommandMeta,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const result = await this.commands.execute(new RenameTenantCommand(tenantId, body.name, meta));
    return tenantReply(reply, result);
  }
}
