import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { deciding } from '../app-command';
import { AppCommandResult, CommandRunner } from '../command-runner';
import { WarnSecretExpiringCommand } from './warn-secret-expiring.command';

/** Sent by the secret expiry check, not over HTTP; a second warning is a no-op (event null). */
@CommandHandler(WarnSecretExpiringCommand)
export class WarnSecretExpiringHandler implements ICommandHandler<WarnSecretExpiringCommand> {
  constructor(private readonly runner: CommandRunner) {}

  execute({
    appId,
    secretId,
    warningWindowMs,
    meta,
  }: WarnSecretExpiringCommand): Promise<AppCommandResult> {
    return this.runner.run(
      appId,
      meta,
      deciding({ type: 'WarnSecretExpiring', secretId, warningWindowMs }),
    );
  }
}
