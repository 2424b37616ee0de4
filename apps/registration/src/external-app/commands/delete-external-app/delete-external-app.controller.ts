import { Controller, Delete, Param, Res, UseFilters } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { AdminScopes } from '@extapps/contracts';
import { RequireScopes } from '@extapps/platform';
import type { FastifyReply } from 'fastify';
import { AppIdPipe } from '../app-id.pipe';
import { AppProblemFilter } from '../app-problem.filter';
import { AppResponder } from '../app-response';
import { CommandMeta } from '../command-meta';
import { Meta } from '../request-meta';
import { DeleteExternalAppCommand } from './delete-external-app.command';

@Controller('v1/apps')
@UseFilters(AppProblemFilter)
export class DeleteExternalAppController {
  constructor(
    private readonly commands: CommandBus,
    private readonly responder: AppResponder,
  ) {}

  /** Answers the deleted app (status `deleted`), so the caller sees the final version. */
  @Delete(':id')
  @RequireScopes(AdminScopes.appsWrite)
  async delete(
    @Param('id', AppIdPipe) appId: string,
    @Meta() meta: CommandMeta,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const result = await this.commands.execute(new DeleteExternalAppCommand(appId, meta));
    this.responder.headers(reply, result);
    return this.responder.app(result);
  }
}
