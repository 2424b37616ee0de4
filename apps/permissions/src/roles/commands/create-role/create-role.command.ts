import { CommandMeta } from '../../../infrastructure/http/command-meta';
import { RoleCommandMessage } from '../role-command';

/** Creates a custom role of a tenant under a new id, its name claimed in the tenant. */
export class CreateRoleCommand extends RoleCommandMessage {
  constructor(
    roleId: string,
    readonly tenantId: string,
    readonly name: string,
    readonly permissions: readonly string[],
    meta: CommandMeta,
  ) {
    super(roleId, meta);
  }
}
