import { ManualClock } from '@extapps/testing';
import pino from 'pino';
import { ClientAuthenticator } from '../../client-auth/client-authenticator';
import { ClientLookup } from '../../clients/client-catalog';
import { ClientTable } from '../../clients/client-table';
import { RecordingTokenEventSink } from '../../events/testing/recording-token-event-sink';
import { AppStream, newSecret } from '../../testing/app-events';
import { parseFormBody } from '../../token-endpoint/form';
import { TokenCall, TokenCallReader } from '../token-call';
import { tokenFixtures } from './token-fixtures';

export const meta = { ip: '203.0.113.9', correlationId: 'corr-1', userAgent: 'curl/8' };

/**
 * What the introspection and revocation services run on in unit tests: the client table with
 * `robot` and `rs` (confidential), `desktop` (non-confidential), tokens and stores in memory,
 * and a recording event sink.
 */
export async function endpointFixtures() {
  const clock = new ManualClock('2026-03-01T10:00:00.000Z');
  const secrets = { robot: newSecret(), rs: newSecret() };
  const table = new ClientTable();
  table.apply(new AppStream('robot').registeredConfidential(secrets.robot));
  table.apply(new AppStream('rs').registeredConfidential(secrets.rs));
  table.apply(new AppStream('desktop').registeredNonConfidential());
  const sink = new RecordingTokenEventSink();
  const logger = pino({ level: 'silent' });
  const clients: ClientLookup & { ready: boolean } = {
    ready: true,
    find: (id) => table.get(id),
  };
  const reader = new TokenCallReader(
    clients,
    new ClientAuthenticator(clients, sink, logger),
    clock,
  );
  const basic = (id: 'robot' | 'rs', plain = secrets[id].plaintext) =>
    `Basic ${Buffer.from(`${id}:${plain}`).toString('base64')}`;
  const call = (form: Record<string, string>, authorization?: string): TokenCall => ({
    body: parseFormBody(new URLSearchParams(form).toString()),
    authorization,
    meta,
  });
  return {
    ...(await tokenFixtures(clock)),
    clock,
    secrets,
    table,
    sink,
    logger,
    clients,
    reader,
    basic,
    call,
  };
}
