import { PoisonMessageError, ReceivedEvent, errorMessage } from '@extapps/messaging';
import { AuditRecord } from '../records/audit-record';
import { AuditedEvent, AuditedSource } from './audited-sources';

/**
 * The audit record of one event read from a topic, or PoisonMessageError when no retry could ever
 * make one: a topic this service has no mapping for, an event of another service (valid, but not
 * on its own topic), or an event normalization fails on.
 */
export function decodeRecord(
  { event, context }: ReceivedEvent<AuditedEvent>,
  sources: ReadonlyMap<string, AuditedSource>,
  recordedAt: Date,
): AuditRecord {
  const source = sources.get(context.topic);
  if (!source) throw new PoisonMessageError(`no audit mapping for topic ${context.topic}`);
  if (!source.registry.knows(event.type, event.schemaVersion)) {
    throw new PoisonMessageError(
      `not a valid event: unknown event: ${event.type} at schema version ${event.schemaVersion} ` +
        `(no event of ${context.topic})`,
    );
  }
  try {
    return source.normalize(event, { source: context.topic, recordedAt });
  } catch (error) {
    // Normalization is pure: what fails once fails on every retry.
    throw new PoisonMessageError(`cannot be recorded: ${errorMessage(error)}`, { cause: error });
  }
}

export function sourcesByTopic(
  sources: readonly AuditedSource[],
): ReadonlyMap<string, AuditedSource> {
  return new Map(sources.map((s) => [s.topic, s]));
}
