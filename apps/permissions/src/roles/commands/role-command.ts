import { Command } from '@nestjs/cqrs';
import { CommandResult } from '../../infrastructure/command-runner';
import { CommandMeta } from '../../infrastructure/http/command-meta';
import { RoleState } from '../role.state';

export type RoleCommandResult = CommandResult<RoleState>;

/** A command on one role's stream, sent through the CommandBus. */
export abstract class RoleCommandMessage extends Command<RoleCommandResult> {
  constructor(
    readonly roleId: string,
    readonly meta: CommandMeta,
  ) {
    super();
  }
}
