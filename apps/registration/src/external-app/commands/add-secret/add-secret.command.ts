import { NewSecret } from '../../commands';
import { AppCommand } from '../app-command';
import { CommandMeta } from '../command-meta';

/** Adds a secret to a confidential app; it arrives hashed, the plaintext stays in the controller. */
export class AddSecretCommand extends AppCommand {
  constructor(
    appId: string,
    readonly secret: NewSecret,
    meta: CommandMeta,
  ) {
    super(appId, meta);
  }
}
