import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { FolderCommand } from '../../tenant.commands';
import { TenantCommandResult } from '../tenant-command';
import { TenantExecutor } from '../tenant-executor';
import { UpdateFolderCommand } from './update-folder.command';
import { UpdateFolderBody } from './update-folder.dto';

/** A new parent makes it a move (renamed on arrival when a name is given too), else a rename. */
export function folderCommandOf(folderId: string, changes: UpdateFolderBody): FolderCommand {
  const { name, parentId } = changes;
  if (parentId !== undefined) {
    return { type: 'MoveFolder', folderId, parentId, ...(name === undefined ? {} : { name }) };
  }
  return { type: 'RenameFolder', folderId, name: name ?? '' };
}

@CommandHandler(UpdateFolderCommand)
export class UpdateFolderHandler implements ICommandHandler<UpdateFolderCommand> {
  constructor(private readonly executor: TenantExecutor) {}

  execute({
    tenantId,
    folderId,
    changes,
    meta,
  }: UpdateFolderCommand): Promise<TenantCommandResult> {
    return this.executor.execute(tenantId, meta, folderCommandOf(folderId, changes));
  }
}
