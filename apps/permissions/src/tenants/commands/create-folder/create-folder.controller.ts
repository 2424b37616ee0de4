import { Body, Controller, HttpCode, Param, Post, Res, UseFilters } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { AdminScopes, newEventId } from '@extapps/contracts';
import { RequireScopes, ZodValidationPipe } from '@extapps/platform';
import type { FastifyReply } from 'fastify';
import { CommandMeta } from '../../../infrastructure/http/command-meta';
import { ProblemCodeFilter } from '../../../infrastructure/http/problem.filter';
import { Meta } from '../../../infrastructure/http/request-meta';
import { TenantIdPipe } from '../ids.pipe';
import { folderReply } from '../tenant-replies';
import { CreateFolderCommand } from './create-folder.command';
import { CreateFolderBody, createFolderBodySchema } from './create-folder.dto';

@Controller('v1/tenants/:tenantId/folders')
@UseFilters(ProblemCodeFilter)
export class CreateFolderController {
  constructor(private readonly commands: CommandBus) {}

  /** If-Match is optional: adding a folder rarely conflicts, and 409 still catches a lost race. */
  @Post()
  @HttpCode(201)
  @RequireScopes(AdminScopes.permissionsWrite)
  async create(
    @Param('tenantId', TenantIdPipe) tenantId: string,
    @Body(new ZodValidationPipe(createFolderBodySchema)) body: CreateFolderBody,
    @Meta() meta: CommandMeta,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const folderId = newEventId();
    const command = new CreateFolderCommand(tenantId, folderId, body.name, body.parentId, meta);
    const result = await this.commands.execute(command);
    return folderReply(reply, result, folderId, `/v1/tenants/${tenantId}/folders/${folderId}`);
  }
}
