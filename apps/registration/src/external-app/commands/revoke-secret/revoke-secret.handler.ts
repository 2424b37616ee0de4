import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { deciding } from '../app-command';
import { AppCommandResult, CommandRunner } from '../command-runner';
import { RevokeSecretCommand } from './revoke-secret.command';

@CommandHandler(RevokeSecretCommand)
export class RevokeSecretHandler implements ICommandHandler<RevokeSecretCommand> {
  constructor(private readonly runner: CommandRunner) {}

  execute({ appId, secretId, meta }: RevokeSecretCommand): Promise<AppCommandResult> {
    return this.runner.run(appId, meta, deciding({ type: 'RevokeSecret', secretId }));
  }
}
