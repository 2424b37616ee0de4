import { EventEnvelope } from '@extapps/contracts';
import { eventHeaders, IncomingMessage, PoisonMessageError } from '@extapps/messaging';
import { decodeAccessMessage } from './access-messages';
import { AccessEvents } from './testing/access-events';

function message(value: unknown, headers: Record<string, string> = {}): IncomingMessage {
  return {
    topic: 't',
    partition: 0,
    offset: '0',
    key: null,
    value: Buffer.from(JSON.stringify(value)),
    headers,
    timestamp: new Date(),
  };
}
const withHeaders = (event: EventEnvelope) => message(event, eventHeaders(event));

describe('decodeAccessMessage', () => {
  it('given an event the index uses, then it is parsed and returned', () => {
    const event = new AccessEvents().tenantCreated('t1');

    expect(decodeAccessMessage(withHeaders(event))).toEqual(event);
    expect(decodeAccessMessage(message(event))).toEqual(event);
  });

  it('given a known event the index does not use, then it is skipped unparsed by its header', () => {
    const e = new AccessEvents();
    const renamed = { ...e.appRegistered('app-1'), type: 'SecretRevoked', data: 'not parsed' };

    expect(decodeAccessMessage(message(renamed, { 'event-type': 'SecretRevoked' }))).toBeNull();
  });

  it('given an invalid event of a type it uses, then it is poison', () => {
    const event = { ...new AccessEvents().tenantCreated('t1'), data: { tenantId: 't1' } };

    expect(() => decodeAccessMessage(withHeaders(event))).toThrow(PoisonMessageError);
  });

  it('given an unknown event type or no JSON, then it is poison', () => {
    const unknown = { ...new AccessEvents().tenantCreated('t1'), type: 'TenantExploded' };

    expect(() => decodeAccessMessage(withHeaders(unknown))).toThrow(PoisonMessageError);
    expect(() => decodeAccessMessage({ ...message(null), value: Buffer.from('{') })).toThrow(
      PoisonMessageError,
    );
  });
});
