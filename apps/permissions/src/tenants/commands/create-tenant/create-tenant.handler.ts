import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { TenantCommandResult } from '../tenant-command';
import { TenantExecutor } from '../tenant-executor';
import { CreateTenantCommand } from './create-tenant.command';

@CommandHandler(CreateTenantCommand)
export class CreateTenantHandler implements ICommandHandler<CreateTenantCommand> {
  constructor(private readonly executor: TenantExecutor) {}

  execute({ tenantId, name, meta }: CreateTenantCommand): Promise<TenantCommandResult> {
    return this.executor.execute(tenantId, meta, { type: 'CreateTenant', tenantId, name });
  }
}
