import { Actor, RegistrationEvent } from '@extapps/contracts';

/** Who asks, in which request, and (from If-Match) which version they saw. */
export interface CommandMeta {
  readonly actor: Actor;
  readonly correlationId: string;
  readonly causationId?: string | null;
  /** When set, the command is refused with 412 unless the app is at exactly this version. */
  readonly expectedVersion?: number;
}

/** The app's version after the command, and the event it produced (null for a no-op repeat). */
export interface CommandOutcome {
  readonly appId: string;
  readonly version: number;
  readonly event: RegistrationEvent | null;
}
