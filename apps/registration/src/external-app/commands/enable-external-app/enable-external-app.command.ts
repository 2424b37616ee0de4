import { AppCommand } from '../app-command';

/** Enables a disabled app again; repeating it changes nothing. */
export class EnableExternalAppCommand extends AppCommand {}
