import { Body, Controller, HttpCode, Post, Res, UseFilters } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { AdminScopes, newEventId } from '@extapps/contracts';
import { RequireScopes, ZodValidationPipe } from '@extapps/platform';
import type { FastifyReply } from 'fastify';
import { AppProblemFilter } from '../app-problem.filter';
import { AppResponder } from '../app-response';
import { CommandMeta } from '../command-meta';
import { Meta } from '../request-meta';
import { createdSecret, newSecretMaterial } from '../secret-material';
import { RegisterExternalAppCommand } from './register-external-app.command';
import { RegisterAppBody, registerAppBodySchema } from './register-external-app.dto';

@Controller('v1/apps')
@UseFilters(AppProblemFilter)
export class RegisterExternalAppController {
  constructor(
    private readonly commands: CommandBus,
    private readonly responder: AppResponder,
  ) {}

  /** The id is generated here; so is the secret of a confidential app, shown in this response only. */
  @Post()
  @HttpCode(201)
  @RequireScopes(AdminScopes.appsWrite)
  async register(
    @Body(new ZodValidationPipe(registerAppBodySchema)) body: RegisterAppBody,
    @Meta({ ifMatch: 'ignored' }) meta: CommandMeta,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const appId = newEventId();
    const { firstSecret, type: appType, ...app } = body;
    // A secret for a non-confidential app is made only so that the decider refuses it (422).
    const material =
      appType === 'confidential' || firstSecret
        ? newSecretMaterial(firstSecret?.description ?? '', firstSecret?.expiresAt ?? null)
        : null;
    const registration = { ...app, appId, appType, firstSecret: material?.secret };
    const result = await this.commands.execute(new RegisterExternalAppCommand(registration, meta));
    this.responder.headers(reply, result, { location: `/v1/apps/${appId}`, noStore: true });
    const secret = material
      ? { client_secret: material.plaintext, secret: createdSecret(material) }
      : {};
    return { client_id: appId, ...secret, app: await this.responder.app(result) };
  }
}
