import { PoisonMessageError, IncomingMessage, errorMessage } from '@extapps/messaging';
import { AuditRecord } from '../records/audit-record';
import { AuditedSource } from './audited-sources';

/**
 * The audit record of one Kafka message, or PoisonMessageError when no retry could ever make one:
 * a topic this service has no mapping for, bytes that are not JSON, or not a valid event of the
 * topic's service (an event of another service on this topic included).
 */
export function decodeRecord(
  message: IncomingMessage,
  sources: ReadonlyMap<string, AuditedSource>,
  recordedAt: Date,
): AuditRecord {
  const source = sources.get(message.topic);
  if (!source) throw new PoisonMessageError(`no audit mapping for topic ${message.topic}`);
  let event;
  try {
    event = source.registry.parse(JSON.parse(message.value.toString('utf8')));
  } catch (error) {
    throw new PoisonMessageError(`not a valid event: ${errorMessage(error)}`, { cause: error });
  }
  try {
    return source.normalize(event, { source: message.topic, recordedAt });
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
