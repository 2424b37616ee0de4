import { UnassignReason } from '@extapps/contracts';
import { CommandMeta } from '../../../infrastructure/http/command-meta';
import { AssignmentCommandMessage } from '../assignment-command';

/** Ends an assignment: asked for (`unassigned`) or as a reaction to another change. */
export class UnassignRoleCommand extends AssignmentCommandMessage {
  constructor(
    assignmentId: string,
    readonly reason: UnassignReason,
    meta: CommandMeta,
  ) {
    super(assignmentId, meta);
  }
}
