import { Principal } from '@extapps/contracts';
import { CommandMeta } from '../../../infrastructure/http/command-meta';
import { AssignmentCommandMessage } from '../assignment-command';

/** Gives a principal a role on a tenant or folder, under a new assignment id. */
export class AssignRoleCommand extends AssignmentCommandMessage {
  constructor(
    assignmentId: string,
    readonly principal: Principal,
    readonly roleId: string,
    readonly tenantId: string,
    readonly folderId: string | null,
    meta: CommandMeta,
  ) {
    super(assignmentId, meta);
  }
}
