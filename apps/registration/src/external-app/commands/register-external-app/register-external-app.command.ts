import { RegisterExternalApp } from '../../commands';
import { AppCommand } from '../app-command';
import { CommandMeta } from '../command-meta';

/** Registers an app under a new id; the first secret arrives hashed, never in plaintext. */
export class RegisterExternalAppCommand extends AppCommand {
  constructor(
    readonly registration: Omit<RegisterExternalApp, 'type'>,
    meta: CommandMeta,
  ) {
    super(registration.appId, meta);
  }
}
