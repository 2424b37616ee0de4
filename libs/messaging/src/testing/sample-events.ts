import { Actor, createEnvelope, defineEvent } from '@extapps/contracts';
import { z } from 'zod';

/** Events that exist only for the messaging tests: the library stays free of business events. */
export const SampleCreated = defineEvent(
  'SampleCreated',
  1,
  z.object({ name: z.string().min(1) }).strict(),
);
export const SampleRenamed = defineEvent(
  'SampleRenamed',
  1,
  z.object({ from: z.string(), to: z.string() }).strict(),
);

export const sampleDefinitions = [SampleCreated, SampleRenamed] as const;

const actor: Actor = { type: 'system', id: 'messaging-tests' };

export function sampleContext(streamId: string, streamVersion: number) {
  return {
    streamId,
    streamVersion,
    occurredAt: new Date(),
    actor,
    correlationId: `corr-${streamId}`,
    causationId: null,
  };
}

export function sampleCreated(streamId: string, name: string) {
  return createEnvelope(SampleCreated, { name }, sampleContext(streamId, 1));
}

export function sampleRenamed(streamId: string, from: string, to: string, version = 2) {
  return createEnvelope(SampleRenamed, { from, to }, sampleContext(streamId, version));
}
