import { Body, Controller, HttpCode, Post, Res, UseFilters } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { AdminScopes, newEventId } from '@extapps/contracts';
import { RequireScopes, ZodValidationPipe } from '@extapps/platform';
import type { FastifyReply } from 'fastify';
import { CommandMeta } from '../../../infrastructure/http/command-meta';
import { ProblemCodeFilter } from '../../../infrastructure/http/problem.filter';
import { Meta } from '../../../infrastructure/http/request-meta';
import { tenantReply } from '../tenant-replies';
import { CreateTenantCommand } from './create-tenant.command';
import { CreateTenantBody, createTenantBodySchema } from './create-tenant.dto';

@Controller('v1/tenants')
@UseFilters(ProblemCodeFilter)
export class CreateTenantController {
  constructor(private readonly commands: CommandBus) {}

  /** The id is generated here (UUIDv7), so a retried POST makes a second tenant only if the name is free. */
  @Post()
  @HttpCode(201)
  @RequireScopes(AdminScopes.permissionsWrite)
  async create(
    @Body(new ZodValidationPipe(createTenantBodySchema)) body: CreateTenantBody,
    @Meta({ ifMatch: 'ignored' }) meta: CommandMeta,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const tenantId = newEventId();
    const result = await this.commands.execute(new CreateTenantCommand(tenantId, body.name, meta));
    return tenantReply(reply, result, `/v1/tenants/${tenantId}`);
  }
}
