import { CommandMeta } from '../../../infrastructure/http/command-meta';
import { RoleCommandMessage } from '../role-command';

/** Deletes a custom role; refused while assigned unless `cascade`. */
export class DeleteRoleCommand extends RoleCommandMessage {
  constructor(
    roleId: string,
    readonly cascade: boolean,
    meta: CommandMeta,
  ) {
    super(roleId, meta);
  }
}
