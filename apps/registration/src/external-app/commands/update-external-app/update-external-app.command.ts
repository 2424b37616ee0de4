import { AppCommand } from '../app-command';
import { CommandMeta } from '../command-meta';
import { AppChanges } from './decide-changes';

/** Changes several aspects of an app at once: all of them, or none (PATCH). */
export class UpdateExternalAppCommand extends AppCommand {
  constructor(
    appId: string,
    readonly changes: AppChanges,
    meta: CommandMeta,
  ) {
    super(appId, meta);
  }
}
