import { Body, Controller, HttpCode, Param, Post, Res, UseFilters } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { AdminScopes, newEventId } from '@extapps/contracts';
import { RequireScopes, ZodValidationPipe } from '@extapps/platform';
import type { FastifyReply } from 'fastify';
import { CommandMeta } from '../../../infrastructure/http/command-meta';
import { ProblemCodeFilter } from '../../../infrastructure/http/problem.filter';
import { Meta } from '../../../infrastructure/http/request-meta';
import { RoleResponse } from '../../role-response';
import { roleReply } from '../role-replies';
import { CreateRoleCommand } from './create-role.command';
import { CreateRoleBody, createRoleBodySchema } from './create-role.dto';

@Controller('v1/tenants/:tenantId/roles')
@UseFilters(ProblemCodeFilter)
export class CreateRoleController {
  constructor(private readonly commands: CommandBus) {}

  /** A custom role of the tenant; its id is generated here (UUIDv7). */
  @Post()
  @HttpCode(201)
  @RequireScopes(AdminScopes.permissionsWrite)
  async create(
    @Param('tenantId') tenantId: string,
    @Body(new ZodValidationPipe(createRoleBodySchema)) body: CreateRoleBody,
    @Meta({ ifMatch: 'ignored' }) meta: CommandMeta,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<RoleResponse> {
    const roleId = newEventId();
    const { name, permissions } = body;
    const result = await this.commands.execute(
      new CreateRoleCommand(roleId, tenantId, name, permissions, meta),
    );
    return roleReply(reply, result, `/v1/roles/${roleId}`);
  }
}
