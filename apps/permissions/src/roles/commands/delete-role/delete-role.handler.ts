import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { RoleCommandResult } from '../role-command';
import { RoleCommands } from '../role-commands';
import { DeleteRoleCommand } from './delete-role.command';

@CommandHandler(DeleteRoleCommand)
export class DeleteRoleHandler implements ICommandHandler<DeleteRoleCommand> {
  constructor(private readonly roles: RoleCommands) {}

  execute({ roleId, cascade, meta }: DeleteRoleCommand): Promise<RoleCommandResult> {
    return this.roles.run({ type: 'DeleteRole', roleId, cascade }, meta);
  }
}
