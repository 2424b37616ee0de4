import { randomUUID } from 'node:crypto';
import { TokenEvent } from '@extapps/contracts';
import { tokenEnvelopes } from '../token-envelopes';
import { TokenEventMeta, TokenEventRecord } from '../token-event-sink';

/** A client credentials TokenIssued record for `clientId`, as the grant handler makes it. */
export function tokenIssuedRecord(
  clientId: string,
  secretId: string | null = 'sec-1',
): TokenEventRecord {
  return {
    streamId: clientId,
    payload: {
      type: 'TokenIssued',
      data: {
        clientId,
        grantType: 'client_credentials',
        subject: clientId,
        subjectType: 'app',
        scope: 'OR.Jobs',
        audience: ['OrchestratorApi'],
        jti: randomUUID(),
        expiresAt: '2026-01-01T01:00:00.000Z',
        secretId,
      },
    },
  };
}

/** A failed client authentication record, which also carries the request's user agent. */
export function authFailedRecord(clientId: string): TokenEventRecord {
  return {
    streamId: clientId,
    payload: {
      type: 'ClientAuthenticationFailed',
      data: { clientId, method: 'client_secret_basic', reason: 'wrong-secret', endpoint: 'token' },
    },
  };
}

export function requestMeta(clientId: string, userAgent?: string): TokenEventMeta {
  return {
    actor: { type: 'app', id: clientId, ip: '203.0.113.9', ...(userAgent ? { userAgent } : {}) },
    correlationId: `corr-${randomUUID()}`,
    occurredAt: new Date('2026-01-01T00:00:00.000Z'),
  };
}

/** `count` TokenIssued envelopes of `clientId`, in creation (and event id) order. */
export function issuedEvents(clientId: string, count: number): TokenEvent[] {
  return Array.from({ length: count }, () =>
    tokenEnvelopes([tokenIssuedRecord(clientId)], requestMeta(clientId)),
  ).flat();
}

/** The item at `index`, which the test knows is there. */
export function nth<T>(items: readonly T[], index: number): T {
  const item = items[index];
  if (item === undefined) throw new Error(`no item #${index} of ${items.length}`);
  return item;
}
