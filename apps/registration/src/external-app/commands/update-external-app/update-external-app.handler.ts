import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { AppCommandResult, CommandRunner } from '../command-runner';
import { decideChanges } from './decide-changes';
import { UpdateExternalAppCommand } from './update-external-app.command';

@CommandHandler(UpdateExternalAppCommand)
export class UpdateExternalAppHandler implements ICommandHandler<UpdateExternalAppCommand> {
  constructor(private readonly runner: CommandRunner) {}

  execute({ appId, changes, meta }: UpdateExternalAppCommand): Promise<AppCommandResult> {
    return this.runner.run(appId, meta, (state, context) => decideChanges(changes, state, context));
  }
}
