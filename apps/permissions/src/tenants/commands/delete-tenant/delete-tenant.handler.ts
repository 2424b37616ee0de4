import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { TenantCommandResult } from '../tenant-command';
import { TenantExecutor } from '../tenant-executor';
import { DeleteTenantCommand } from './delete-tenant.command';

@CommandHandler(DeleteTenantCommand)
export class DeleteTenantHandler implements ICommandHandler<DeleteTenantCommand> {
  constructor(private readonly executor: TenantExecutor) {}

  execute({ tenantId, cascade, meta }: DeleteTenantCommand): Promise<TenantCommandResult> {
    return this.executor.execute(tenantId, meta, { type: 'DeleteTenant', cascade });
  }
}
