import { Command } from '@nestjs/cqrs';
import { CommandResult } from '../../infrastructure/command-runner';
import { CommandMeta } from '../../infrastructure/http/command-meta';
import { TenantState } from '../tenant.state';

export type TenantCommandResult = CommandResult<TenantState>;

/** A command on one tenant's stream, sent through the CommandBus. */
export abstract class TenantCommandMessage extends Command<TenantCommandResult> {
  constructor(
    readonly tenantId: string,
    readonly meta: CommandMeta,
  ) {
    super();
  }
}
