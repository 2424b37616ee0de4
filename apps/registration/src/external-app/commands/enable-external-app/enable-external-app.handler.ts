import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { deciding } from '../app-command';
import { AppCommandResult, CommandRunner } from '../command-runner';
import { EnableExternalAppCommand } from './enable-external-app.command';

@CommandHandler(EnableExternalAppCommand)
export class EnableExternalAppHandler implements ICommandHandler<EnableExternalAppCommand> {
  constructor(private readonly runner: CommandRunner) {}

  execute({ appId, meta }: EnableExternalAppCommand): Promise<AppCommandResult> {
    return this.runner.run(appId, meta, deciding({ type: 'EnableExternalApp' }));
  }
}
