import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { deciding } from '../app-command';
import { AppCommandResult, CommandRunner } from '../command-runner';
import { DeleteExternalAppCommand } from './delete-external-app.command';

@CommandHandler(DeleteExternalAppCommand)
export class DeleteExternalAppHandler implements ICommandHandler<DeleteExternalAppCommand> {
  constructor(private readonly runner: CommandRunner) {}

  execute({ appId, meta }: DeleteExternalAppCommand): Promise<AppCommandResult> {
    return this.runner.run(appId, meta, deciding({ type: 'DeleteExternalApp' }));
  }
}
