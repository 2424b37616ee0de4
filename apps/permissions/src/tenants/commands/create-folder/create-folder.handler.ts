import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { TenantCommandResult } from '../tenant-command';
import { TenantExecutor } from '../tenant-executor';
import { CreateFolderCommand } from './create-folder.command';

@CommandHandler(CreateFolderCommand)
export class CreateFolderHandler implements ICommandHandler<CreateFolderCommand> {
  constructor(private readonly executor: TenantExecutor) {}

  execute(command: CreateFolderCommand): Promise<TenantCommandResult> {
    const { tenantId, folderId, name, parentId, meta } = command;
    return this.executor.execute(tenantId, meta, {
      type: 'CreateFolder',
      folderId,
      name,
      parentId,
    });
  }
}
