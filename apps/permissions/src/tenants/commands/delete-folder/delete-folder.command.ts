import { CommandMeta } from '../../../infrastructure/http/command-meta';
import { TenantCommandMessage } from '../tenant-command';

/** Deletes a folder; with cascade its whole sub-tree in one FolderDeleted. */
export class DeleteFolderCommand extends TenantCommandMessage {
  constructor(
    tenantId: string,
    readonly folderId: string,
    readonly cascade: boolean,
    meta: CommandMeta,
  ) {
    super(tenantId, meta);
  }
}
