import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { TenantCommandResult } from '../tenant-command';
import { TenantExecutor } from '../tenant-executor';
import { DeleteFolderCommand } from './delete-folder.command';

@CommandHandler(DeleteFolderCommand)
export class DeleteFolderHandler implements ICommandHandler<DeleteFolderCommand> {
  constructor(private readonly executor: TenantExecutor) {}

  execute({
    tenantId,
    folderId,
    cascade,
    meta,
  }: DeleteFolderCommand): Promise<TenantCommandResult> {
    return this.executor.execute(tenantId, meta, { type: 'DeleteFolder', folderId, cascade });
  }
}
