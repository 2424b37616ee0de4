import { EventRegistry, registrationEvents, RegistrationEvent, Topics } from '@extapps/contracts';
import { EventPublisher, KafkaBus } from '@extapps/messaging';
import { uniqueName } from '@extapps/testing';
import { REGISTRATION_TOPIC_PARTITIONS } from '../clients/client-catalog';

/** Publishes registration events as the registration service does: validated, keyed by app id. */
export class RegistrationEventsPublisher {
  private readonly bus = new KafkaBus({
    brokers: (process.env['KAFKA_BROKERS'] ?? '').split(','),
    clientId: uniqueName('registration-sim'),
  });
  private readonly publisher = new EventPublisher(
    this.bus.producer,
    new EventRegistry([...registrationEvents]),
  );

  async open(): Promise<void> {
    await this.bus.ensureTopics([
      { topic: Topics.registrationEvents, partitions: REGISTRATION_TOPIC_PARTITIONS },
    ]);
  }

  publish(...events: RegistrationEvent[]): Promise<void> {
    return this.publisher.publish(Topics.registrationEvents, events);
  }

  close(): Promise<void> {
    return this.bus.close();
  }
}

export interface TokenCall {
  /** Form fields, or a raw body. */
  readonly form?: Record<string, string> | string;
  readonly basic?: readonly [clientId: string, secret: string];
  readonly contentType?: string;
  readonly method?: string;
}

export interface TokenAnswer {
  readonly status: number;
  readonly headers: Headers;
  readonly body: Record<string, unknown>;
}

/** Calls the token endpoint as an OAuth client would (RFC 6749 §2.3.1 encoding for Basic). */
export async function callTokenEndpoint(baseUrl: string, call: TokenCall): Promise<TokenAnswer> {
  const headers: Record<string, string> = {
    'content-type': call.contentType ?? 'application/x-www-form-urlencoded',
  };
  if (call.basic) {
    const [id, secret] = call.basic.map((part) =>
      new URLSearchParams({ v: part }).toString().slice(2),
    );
    headers['authorization'] = `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;
  }
  const method = call.method ?? 'POST';
  const body =
    method === 'GET'
      ? undefined
      : typeof call.form === 'string'
        ? call.form
        : new URLSearchParams(call.form ?? {}).toString();
  const response = await fetch(`${baseUrl}/oauth/token`, { method, headers, body });
  return {
    status: response.status,
    headers: response.headers,
    body: (await response.json()) as Record<string, unknown>,
  };
}
