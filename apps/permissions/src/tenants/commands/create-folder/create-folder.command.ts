import { CommandMeta } from '../../../infrastructure/http/command-meta';
import { TenantCommandMessage } from '../tenant-command';

/** Creates a folder under the tenant root or under one of its folders. */
export class CreateFolderCommand extends TenantCommandMessage {
  constructor(
    tenantId: string,
    readonly folderId: string,
    readonly name: string,
    readonly parentId: string | null,
    meta: CommandMeta,
  ) {
    super(tenantId, meta);
  }
}
