import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { deciding } from '../app-command';
import { AppCommandResult, CommandRunner } from '../command-runner';
import { DisableExternalAppCommand } from './disable-external-app.command';

@CommandHandler(DisableExternalAppCommand)
export class DisableExternalAppHandler implements ICommandHandler<DisableExternalAppCommand> {
  constructor(private readonly runner: CommandRunner) {}

  execute({ appId, meta }: DisableExternalAppCommand): Promise<AppCommandResult> {
    return this.runner.run(appId, meta, deciding({ type: 'DisableExternalApp' }));
  }
}
