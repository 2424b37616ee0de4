import { Body, Controller, Param, Patch, Res, UseFilters } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { AdminScopes } from '@extapps/contracts';
import { RequireScopes, ZodValidationPipe } from '@extapps/platform';
import type { FastifyReply } from 'fastify';
import { CommandMeta } from '../../../infrastructure/http/command-meta';
import { ProblemCodeFilter } from '../../../infrastructure/http/problem.filter';
import { Meta } from '../../../infrastructure/http/request-meta';
import { RoleResponse } from '../../role-response';
import { roleReply } from '../role-replies';
import { RoleIdPipe } from '../role-id.pipe';
import { ChangeRoleCommand } from './change-role.command';
import { ChangeRoleBody, changeRoleBodySchema } from './change-role.dto';

@Controller('v1/roles')
@UseFilters(ProblemCodeFilter)
export class ChangeRoleController {
  constructor(private readonly commands: CommandBus) {}

  /** Rename and/or replace the permission set; If-Match is required (the ETag of a GET). */
  @Patch(':roleId')
  @RequireScopes(AdminScopes.permissionsWrite)
  async change(
    @Param('roleId', RoleIdPipe) roleId: string,
    @Body(new ZodValidationPipe(changeRoleBodySchema)) body: ChangeRoleBody,
    @Meta({ ifMatch: 'required' }) meta: CommandMeta,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<RoleResponse> {
    const result = await this.commands.execute(
      new ChangeRoleCommand(roleId, body.name, body.permissions, meta),
    );
    return roleReply(reply, result);
  }
}
