import { Command } from '@nestjs/cqrs';
import { ExternalAppCommand } from '../commands';
import { decide } from '../external-app.decider';
import { AppCommandResult, AppDecider } from './command-runner';
import { CommandMeta } from './command-meta';

/** A command on one app, sent through the CommandBus; the handler answers an AppCommandResult. */
export abstract class AppCommand extends Command<AppCommandResult> {
  constructor(
    readonly appId: string,
    readonly meta: CommandMeta,
  ) {
    super();
  }
}

/** The decider applied to one domain command. */
export const deciding =
  (command: ExternalAppCommand): AppDecider =>
  (state, context) =>
    decide(command, state, context);
