import { Controller, Delete, HttpCode, Param, Query, UseFilters } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { AdminScopes } from '@extapps/contracts';
import { RequireScopes } from '@extapps/platform';
import { CommandMeta } from '../../../infrastructure/http/command-meta';
import { ProblemCodeFilter } from '../../../infrastructure/http/problem.filter';
import { cascadeQuerySchema, QueryPipe } from '../../../infrastructure/http/query-pipe';
import { Meta } from '../../../infrastructure/http/request-meta';
import { RoleIdPipe } from '../role-id.pipe';
import { DeleteRoleCommand } from './delete-role.command';

@Controller('v1/roles')
@UseFilters(ProblemCodeFilter)
export class DeleteRoleController {
  constructor(private readonly commands: CommandBus) {}

  /**
   * 409 role-in-use while assigned, unless ?cascade=true: its assignments then end with
   * RoleUnassigned (reason role-deleted) from the reactions process. If-Match checked when sent.
   */
  @Delete(':roleId')
  @HttpCode(204)
  @RequireScopes(AdminScopes.permissionsWrite)
  async delete(
    @Param('roleId', RoleIdPipe) roleId: string,
    @Query(new QueryPipe(cascadeQuerySchema)) query: { cascade: boolean },
    @Meta() meta: CommandMeta,
  ): Promise<void> {
    await this.commands.execute(new DeleteRoleCommand(roleId, query.cascade, meta));
  }
}
