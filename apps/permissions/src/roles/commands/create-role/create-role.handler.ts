import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { RoleCommandResult } from '../role-command';
import { RoleCommands } from '../role-commands';
import { CreateRoleCommand } from './create-role.command';

@CommandHandler(CreateRoleCommand)
export class CreateRoleHandler implements ICommandHandler<CreateRoleCommand> {
  constructor(private readonly roles: RoleCommands) {}

  execute({
    roleId,
    tenantId,
    name,
    permissions,
    meta,
  }: CreateRoleCommand): Promise<RoleCommandResult> {
    return this.roles.run({ type: 'CreateRole', roleId, tenantId, name, permissions }, meta);
  }
}
