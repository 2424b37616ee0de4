import { Body, Controller, Param, Patch, Res, UseFilters } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { AdminScopes } from '@extapps/contracts';
import { RequireScopes, ZodValidationPipe } from '@extapps/platform';
import type { FastifyReply } from 'fastify';
import { AppIdPipe } from '../app-id.pipe';
import { AppProblemFilter } from '../app-problem.filter';
import { AppResponder } from '../app-response';
import { CommandMeta } from '../command-meta';
import { Meta } from '../request-meta';
import { UpdateExternalAppCommand } from './update-external-app.command';
import { UpdateAppBody, updateAppBodySchema } from './update-external-app.dto';

@Controller('v1/apps')
@UseFilters(AppProblemFilter)
export class UpdateExternalAppController {
  constructor(
    private readonly commands: CommandBus,
    private readonly responder: AppResponder,
  ) {}

  /** If-Match is required: a partial update must not silently overwrite a change it never saw. */
  @Patch(':id')
  @RequireScopes(AdminScopes.appsWrite)
  async update(
    @Param('id', AppIdPipe) appId: string,
    @Body(new ZodValidationPipe(updateAppBodySchema)) body: UpdateAppBody,
    @Meta({ ifMatch: 'required' }) meta: CommandMeta,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const result = await this.commands.execute(new UpdateExternalAppCommand(appId, body, meta));
    this.responder.headers(reply, result);
    return this.responder.app(result);
  }
}
