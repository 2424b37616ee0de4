import { Controller, Delete, Param, Res, UseFilters } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { AdminScopes } from '@extapps/contracts';
import { RequireScopes } from '@extapps/platform';
import type { FastifyReply } from 'fastify';
import { AppIdPipe, SecretIdPipe } from '../app-id.pipe';
import { AppProblemFilter } from '../app-problem.filter';
import { AppResponder } from '../app-response';
import { CommandMeta } from '../command-meta';
import { Meta } from '../request-meta';
import { RevokeSecretCommand } from './revoke-secret.command';

@Controller('v1/apps')
@UseFilters(AppProblemFilter)
export class RevokeSecretController {
  constructor(
    private readonly commands: CommandBus,
    private readonly responder: AppResponder,
  ) {}

  @Delete(':id/secrets/:secretId')
  @RequireScopes(AdminScopes.appsWrite)
  async revoke(
    @Param('id', AppIdPipe) appId: string,
    @Param('secretId', SecretIdPipe) secretId: string,
    @Meta() meta: CommandMeta,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const result = await this.commands.execute(new RevokeSecretCommand(appId, secretId, meta));
    this.responder.headers(reply, result);
    return this.responder.app(result);
  }
}
