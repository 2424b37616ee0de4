import { CommandMeta } from '../../../infrastructure/http/command-meta';
import { RoleCommandMessage } from '../role-command';

/** Renames a custom role and/or replaces its permission set. */
export class ChangeRoleCommand extends RoleCommandMessage {
  constructor(
    roleId: string,
    readonly name: string | undefined,
    readonly permissions: readonly string[] | undefined,
    meta: CommandMeta,
  ) {
    super(roleId, meta);
  }
}
