import { CommandMeta } from '../command-meta';

/** Sent by the secret expiry check (actor `system`) through the CommandBus; yields CommandOutcome. */
export class WarnSecretExpiringCommand {
  constructor(
    readonly appId: string,
    readonly secretId: string,
    readonly warningWindowMs: number,
    readonly meta: CommandMeta,
  ) {}
}
