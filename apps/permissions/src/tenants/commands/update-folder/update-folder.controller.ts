import { Body, Controller, Param, Patch, Res, UseFilters } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { AdminScopes } from '@extapps/contracts';
import { RequireScopes, ZodValidationPipe } from '@extapps/platform';
import type { FastifyReply } from 'fastify';
import { CommandMeta } from '../../../infrastructure/http/command-meta';
import { ProblemCodeFilter } from '../../../infrastructure/http/problem.filter';
import { Meta } from '../../../infrastructure/http/request-meta';
import { FolderIdPipe, TenantIdPipe } from '../ids.pipe';
import { folderReply } from '../tenant-replies';
import { UpdateFolderCommand } from './update-folder.command';
import { UpdateFolderBody, updateFolderBodySchema } from './update-folder.dto';

@Controller('v1/tenants/:tenantId/folders')
@UseFilters(ProblemCodeFilter)
export class UpdateFolderController {
  constructor(private readonly commands: CommandBus) {}

  /** If-Match (the tenant's ETag) is required: a move must not act on a tree it never saw. */
  @Patch(':folderId')
  @RequireScopes(AdminScopes.permissionsWrite)
  async update(
    @Param('tenantId', TenantIdPipe) tenantId: string,
    @Param('folderId', FolderIdPipe) folderId: string,
    @Body(new ZodValidationPipe(updateFolderBodySchema)) body: UpdateFolderBody,
    @Meta({ ifMatch: 'required' }) meta: CommandMeta,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const result = await this.commands.execute(
      new UpdateFolderCommand(tenantId, folderId, body, meta),
    );
    return folderReply(reply, result, folderId);
  }
}
