import { Controller, Delete, Param, Res, UseFilters } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { AdminScopes } from '@extapps/contracts';
import { RequireScopes } from '@extapps/platform';
import type { FastifyReply } from 'fastify';
import { CommandMeta } from '../../../infrastructure/http/command-meta';
import { ProblemCodeFilter } from '../../../infrastructure/http/problem.filter';
import { Meta } from '../../../infrastructure/http/request-meta';
import { AssignmentResponse } from '../../assignment-response';
import { AssignmentIdPipe } from '../assignment-id.pipe';
import { assignmentReply } from '../assignment-replies';
import { UnassignRoleCommand } from './unassign-role.command';

@Controller('v1/assignments')
@UseFilters(ProblemCodeFilter)
export class UnassignRoleController {
  constructor(private readonly commands: CommandBus) {}

  /**
   * Ends the assignment (reason `unassigned`) and answers it as ended; repeating it changes
   * nothing. If-Match (the ETag of a GET) is checked when sent.
   */
  @Delete(':assignmentId')
  @RequireScopes(AdminScopes.permissionsWrite)
  async unassign(
    @Param('assignmentId', AssignmentIdPipe) assignmentId: string,
    @Meta() meta: CommandMeta,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<AssignmentResponse> {
    const result = await this.commands.execute(
      new UnassignRoleCommand(assignmentId, 'unassigned', meta),
    );
    return assignmentReply(reply, result);
  }
}
