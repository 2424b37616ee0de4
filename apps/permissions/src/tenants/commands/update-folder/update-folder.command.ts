import { CommandMeta } from '../../../infrastructure/http/command-meta';
import { TenantCommandMessage } from '../tenant-command';
import { UpdateFolderBody } from './update-folder.dto';

/** Renames and/or moves one folder (PATCH). */
export class UpdateFolderCommand extends TenantCommandMessage {
  constructor(
    tenantId: string,
    readonly folderId: string,
    readonly changes: UpdateFolderBody,
    meta: CommandMeta,
  ) {
    super(tenantId, meta);
  }
}
