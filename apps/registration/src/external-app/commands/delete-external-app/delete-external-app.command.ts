import { AppCommand } from '../app-command';

/** Deletes an app for good: every later command on it is refused. */
export class DeleteExternalAppCommand extends AppCommand {}
