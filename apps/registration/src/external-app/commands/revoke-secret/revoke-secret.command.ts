import { AppCommand } from '../app-command';
import { CommandMeta } from '../command-meta';

/** Revokes one secret at once; the app keeps its other secrets. */
export class RevokeSecretCommand extends AppCommand {
  constructor(
    appId: string,
    readonly secretId: string,
    meta: CommandMeta,
  ) {
    super(appId, meta);
  }
}
