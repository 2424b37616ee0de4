import { z } from 'zod';
import { EventEnvelope, envelopeSchema } from './envelope';
import { EventDefinition } from './event-definition';

export class InvalidEventError extends Error {
  constructor(
    message: string,
    readonly issues: readonly string[],
  ) {
    super(`${message}: ${issues.join('; ')}`);
    this.name = 'InvalidEventError';
  }
}

type AnyDefinition = EventDefinition<string, Record<string, unknown>>;

function describe(error: z.ZodError): string[] {
  return error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
}

/**
 * Validates envelopes against the definitions a service knows. Used on both sides of Kafka:
 * a producer never emits an event its consumers would reject, and a consumer never trusts the wire.
 */
export class EventRegistry {
  private readonly byKey = new Map<string, AnyDefinition>();

  constructor(definitions: readonly AnyDefinition[] = []) {
    definitions.forEach((d) => this.register(d));
  }

  register(definition: AnyDefinition): this {
    const key = `${definition.type}@${definition.schemaVersion}`;
    if (this.byKey.has(key)) throw new Error(`event ${key} is defined twice`);
    this.byKey.set(key, definition);
    return this;
  }

  knows(type: string, schemaVersion: number): boolean {
    return this.byKey.has(`${type}@${schemaVersion}`);
  }

  /** Parses an unknown value into a valid envelope or throws InvalidEventError. */
  parse(raw: unknown): EventEnvelope {
    const envelope = envelopeSchema.safeParse(raw);
    if (!envelope.success)
      throw new InvalidEventError('invalid event envelope', describe(envelope.error));
    const { type, schemaVersion } = envelope.data;
    const definition = this.byKey.get(`${type}@${schemaVersion}`);
    if (!definition) {
      throw new InvalidEventError('unknown event', [`${type} at schema version ${schemaVersion}`]);
    }
    const data = definition.data.safeParse(envelope.data.data);
    if (!data.success) throw new InvalidEventError(`invalid ${type} data`, describe(data.error));
    return { ...envelope.data, data: data.data };
  }
}
