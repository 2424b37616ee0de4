import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { AssignmentCommandResult } from '../assignment-command';
import { AssignmentCommands } from '../assignment-commands';
import { UnassignRoleCommand } from './unassign-role.command';

@CommandHandler(UnassignRoleCommand)
export class UnassignRoleHandler implements ICommandHandler<UnassignRoleCommand> {
  constructor(private readonly assignments: AssignmentCommands) {}

  execute({ assignmentId, reason, meta }: UnassignRoleCommand): Promise<AssignmentCommandResult> {
    return this.assignments.unassign(assignmentId, reason, meta);
  }
}
