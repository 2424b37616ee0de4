import { CommandMeta } from '../../../infrastructure/http/command-meta';
import { TenantCommandMessage } from '../tenant-command';

/** Renames a tenant; the new name is claimed, the old one released. */
export class RenameTenantCommand extends TenantCommandMessage {
  constructor(
    tenantId: string,
    readonly name: string,
    meta: CommandMeta,
  ) {
    super(tenantId, meta);
  }
}
