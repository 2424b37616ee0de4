import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { AssignmentCommandResult } from '../assignment-command';
import { AssignmentCommands } from '../assignment-commands';
import { AssignRoleCommand } from './assign-role.command';

@CommandHandler(AssignRoleCommand)
export class AssignRoleHandler implements ICommandHandler<AssignRoleCommand> {
  constructor(private readonly assignments: AssignmentCommands) {}

  execute(message: AssignRoleCommand): Promise<AssignmentCommandResult> {
    const { assignmentId, principal, roleId, tenantId, folderId, meta } = message;
    return this.assignments.assign(
      { type: 'AssignRole', assignmentId, principal, roleId, tenantId, folderId },
      meta,
    );
  }
}
