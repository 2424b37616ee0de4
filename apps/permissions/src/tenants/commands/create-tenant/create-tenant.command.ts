import { CommandMeta } from '../../../infrastructure/http/command-meta';
import { TenantCommandMessage } from '../tenant-command';

/** Creates a tenant under a new id, its name claimed across the service. */
export class CreateTenantCommand extends TenantCommandMessage {
  constructor(
    tenantId: string,
    readonly name: string,
    meta: CommandMeta,
  ) {
    super(tenantId, meta);
  }
}
