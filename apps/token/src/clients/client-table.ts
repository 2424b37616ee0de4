import { RegistrationEvent } from '@extapps/contracts';
import { Client } from './client';
import { projectClient, ProjectionOutcome } from './client.projection';

/**
 * Every external app by client id, in memory, so the token path never waits on the network to
 * find an app or check a secret. Filled from the registration topic by ClientCatalog.
 */
export class ClientTable {
  private readonly clients = new Map<string, Client>();

  get(clientId: string): Client | undefined {
    return this.clients.get(clientId);
  }

  get size(): number {
    return this.clients.size;
  }

  apply(event: RegistrationEvent): ProjectionOutcome {
    const outcome = projectClient(this.clients.get(event.streamId), event);
    if (outcome.kind === 'applied') this.clients.set(outcome.client.clientId, outcome.client);
    return outcome;
  }
}
