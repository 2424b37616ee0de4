import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { deciding } from '../app-command';
import { AppCommandResult, CommandRunner } from '../command-runner';
import { AddSecretCommand } from './add-secret.command';

@CommandHandler(AddSecretCommand)
export class AddSecretHandler implements ICommandHandler<AddSecretCommand> {
  constructor(private readonly runner: CommandRunner) {}

  execute({ appId, secret, meta }: AddSecretCommand): Promise<AppCommandResult> {
    return this.runner.run(appId, meta, deciding({ type: 'AddSecret', ...secret }));
  }
}
