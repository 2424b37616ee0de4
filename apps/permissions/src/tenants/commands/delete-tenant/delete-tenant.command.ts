import { CommandMeta } from '../../../infrastructure/http/command-meta';
import { TenantCommandMessage } from '../tenant-command';

/** Deletes a tenant; with cascade its folders (and, by their own events, assignments) go too. */
export class DeleteTenantCommand extends TenantCommandMessage {
  constructor(
    tenantId: string,
    readonly cascade: boolean,
    meta: CommandMeta,
  ) {
    super(tenantId, meta);
  }
}
