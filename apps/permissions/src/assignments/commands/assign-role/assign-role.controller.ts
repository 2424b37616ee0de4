import { Body, Controller, HttpCode, Post, Res, UseFilters } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { AdminScopes, newEventId } from '@extapps/contracts';
import { RequireScopes, ZodValidationPipe } from '@extapps/platform';
import type { FastifyReply } from 'fastify';
import { CommandMeta } from '../../../infrastructure/http/command-meta';
import { ProblemCodeFilter } from '../../../infrastructure/http/problem.filter';
import { Meta } from '../../../infrastructure/http/request-meta';
import { AssignmentResponse } from '../../assignment-response';
import { assignmentReply } from '../assignment-replies';
import { AssignRoleCommand } from './assign-role.command';
import { AssignRoleBody, assignRoleBodySchema } from './assign-role.dto';

@Controller('v1/assignments')
@UseFilters(ProblemCodeFilter)
export class AssignRoleController {
  constructor(private readonly commands: CommandBus) {}

  /** Gives a principal a role on a tenant or a folder; the assignment id is generated here. */
  @Post()
  @HttpCode(201)
  @RequireScopes(AdminScopes.permissionsWrite)
  async assign(
    @Body(new ZodValidationPipe(assignRoleBodySchema)) body: AssignRoleBody,
    @Meta({ ifMatch: 'ignored' }) meta: CommandMeta,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<AssignmentResponse> {
    const assignmentId = newEventId();
    const { principal, roleId, tenantId, folderId } = body;
    const result = await this.commands.execute(
      new AssignRoleCommand(assignmentId, principal, roleId, tenantId, folderId, meta),
    );
    return assignmentReply(reply, result, `/v1/assignments/${assignmentId}`);
  }
}
