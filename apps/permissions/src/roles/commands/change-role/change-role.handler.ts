import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { RoleCommandResult } from '../role-command';
import { RoleCommands } from '../role-commands';
import { ChangeRoleCommand } from './change-role.command';

@CommandHandler(ChangeRoleCommand)
export class ChangeRoleHandler implements ICommandHandler<ChangeRoleCommand> {
  constructor(private readonly roles: RoleCommands) {}

  execute({ roleId, name, permissions, meta }: ChangeRoleCommand): Promise<RoleCommandResult> {
    return this.roles.run(
      {
        type: 'ChangeRole',
        roleId,
        ...(name === undefined ? {} : { name }),
        ...(permissions === undefined ? {} : { permissions }),
      },
      meta,
    );
  }
}
