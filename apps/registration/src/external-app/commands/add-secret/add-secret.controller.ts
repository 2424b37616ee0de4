import { Body, Controller, HttpCode, Param, Post, Res, UseFilters } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { AdminScopes } from '@extapps/contracts';
import { RequireScopes, ZodValidationPipe } from '@extapps/platform';
import type { FastifyReply } from 'fastify';
import { AppIdPipe } from '../app-id.pipe';
import { AppProblemFilter } from '../app-problem.filter';
import { AppResponder } from '../app-response';
import { CommandMeta } from '../command-meta';
import { Meta } from '../request-meta';
import { createdSecret, newSecretMaterial } from '../secret-material';
import { AddSecretCommand } from './add-secret.command';
import { AddSecretBody, addSecretBodySchema } from './add-secret.dto';

@Controller('v1/apps')
@UseFilters(AppProblemFilter)
export class AddSecretController {
  constructor(
    private readonly commands: CommandBus,
    private readonly responder: AppResponder,
  ) {}

  /** The plaintext is generated here and shown in this response only (Cache-Control: no-store). */
  @Post(':id/secrets')
  @HttpCode(201)
  @RequireScopes(AdminScopes.appsWrite)
  async add(
    @Param('id', AppIdPipe) appId: string,
    @Body(new ZodValidationPipe(addSecretBodySchema)) body: AddSecretBody,
    @Meta() meta: CommandMeta,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const material = newSecretMaterial(body.description, body.expiresAt);
    const result = await this.commands.execute(new AddSecretCommand(appId, material.secret, meta));
    this.responder.headers(reply, result, { noStore: true });
    return {
      client_id: appId,
      client_secret: material.plaintext,
      secret: createdSecret(material),
      app: await this.responder.app(result),
    };
  }
}
