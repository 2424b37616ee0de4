import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { TenantCommandResult } from '../tenant-command';
import { TenantExecutor } from '../tenant-executor';
import { RenameTenantCommand } from './rename-tenant.command';

@CommandHandler(RenameTenantCommand)
export class RenameTenantHandler implements ICommandHandler<RenameTenantCommand> {
  constructor(private readonly executor: TenantExecutor) {}

  execute({ tenantId, name, meta }: RenameTenantCommand): Promise<TenantCommandResult> {
    return this.executor.execute(tenantId, meta, { type: 'RenameTenant', name });
  }
}
