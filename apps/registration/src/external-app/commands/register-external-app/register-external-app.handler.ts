import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { deciding } from '../app-command';
import { AppCommandResult, CommandRunner } from '../command-runner';
import { RegisterExternalAppCommand } from './register-external-app.command';

@CommandHandler(RegisterExternalAppCommand)
export class RegisterExternalAppHandler implements ICommandHandler<RegisterExternalAppCommand> {
  constructor(private readonly runner: CommandRunner) {}

  execute({ appId, registration, meta }: RegisterExternalAppCommand): Promise<AppCommandResult> {
    return this.runner.run(appId, meta, deciding({ type: 'RegisterExternalApp', ...registration }));
  }
}
