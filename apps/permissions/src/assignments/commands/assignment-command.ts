import { Command } from '@nestjs/cqrs';
import { CommandResult } from '../../infrastructure/command-runner';
import { CommandMeta } from '../../infrastructure/http/command-meta';
import { AssignmentState } from '../assignment.state';

export type AssignmentCommandResult = CommandResult<AssignmentState>;

/** A command on one assignment's stream, sent through the CommandBus. */
export abstract class AssignmentCommandMessage extends Command<AssignmentCommandResult> {
  constructor(
    readonly assignmentId: string,
    readonly meta: CommandMeta,
  ) {
    super();
  }
}
