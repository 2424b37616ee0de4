import { ScopeGrant } from '@extapps/contracts';
import { Client } from '../../clients/client';
import { ClientLookup } from '../../clients/client-catalog';

export const jobsRead: ScopeGrant = { resource: 'OrchestratorApi', scope: 'OR.Jobs.Read' };
export const foldersRead: ScopeGrant = { resource: 'OrchestratorApi', scope: 'OR.Folders.Read' };
export const appsRead: ScopeGrant = { resource: 'ExtAppsAdminApi', scope: 'extapps.apps.read' };

/** A client as the table would hold it; active, with user scopes of one resource by default. */
export function clientOf(overrides: Partial<Client> = {}): Client {
  return {
    clientId: 'app-1',
    version: 1,
    name: 'Timesheet',
    type: 'non-confidential',
    status: 'active',
    redirectUris: ['https://app.example.com/callback'],
    userScopes: [jobsRead, foldersRead],
    applicationScopes: [],
    secrets: [],
    jwks: null,
    accessTokenLifetimeSeconds: null,
    ...overrides,
  };
}

/** Unit tests: a client table that holds the given clients and is ready unless told otherwise. */
export class StaticClientLookup implements ClientLookup {
  ready = true;
  private readonly clients: Map<string, Client>;

  constructor(...clients: Client[]) {
    this.clients = new Map(clients.map((c) => [c.clientId, c]));
  }

  find(clientId: string): Client | undefined {
    return this.clients.get(clientId);
  }

  put(client: Client): void {
    this.clients.set(client.clientId, client);
  }
}
