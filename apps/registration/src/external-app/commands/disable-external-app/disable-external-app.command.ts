import { AppCommand } from '../app-command';

/** Disables an app: it keeps its settings but gets no tokens; repeating it changes nothing. */
export class DisableExternalAppCommand extends AppCommand {}
