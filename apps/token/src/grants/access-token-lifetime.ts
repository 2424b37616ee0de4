import { Client } from '../clients/client';

/** The app's own lifetime when it set one (registration), else the service default. */
export function accessTokenTtlSeconds(client: Client, defaultSeconds: number): number {
  return client.accessTokenLifetimeSeconds ?? defaultSeconds;
}
