import { deadLetterTopic } from '@extapps/contracts';
import { IncomingMessage, OutgoingMessage } from '../ports';

/** Headers a parked message carries on top of its own, so it can be diagnosed and replayed. */
export const DeadLetterHeaders = {
  originalTopic: 'x-dlq-original-topic',
  originalPartition: 'x-dlq-original-partition',
  originalOffset: 'x-dlq-original-offset',
  groupId: 'x-dlq-group-id',
  error: 'x-dlq-error',
  attempts: 'x-dlq-attempts',
  failedAt: 'x-dlq-failed-at',
} as const;

/** Header values travel in every fetch of the dead-letter topic; a stack-trace-sized text is noise. */
const MAX_ERROR_LENGTH = 1_000;

export interface Failure {
  readonly groupId: string;
  readonly error: string;
  readonly attempts: number;
  readonly failedAt: Date;
}

export function deadLetterFor(
  message: IncomingMessage,
  failure: Failure,
): { topic: string; message: OutgoingMessage } {
  return {
    topic: deadLetterTopic(failure.groupId, message.topic),
    message: {
      // Keyless messages get their origin as key: any stable value will do on a dead-letter topic.
      key: message.key ?? `${message.topic}/${message.partition}/${message.offset}`,
      value: message.value,
      headers: {
        ...message.headers,
        [DeadLetterHeaders.originalTopic]: message.topic,
        [DeadLetterHeaders.originalPartition]: String(message.partition),
        [DeadLetterHeaders.originalOffset]: message.offset,
        [DeadLetterHeaders.groupId]: failure.groupId,
        [DeadLetterHeaders.error]: failure.error.slice(0, MAX_ERROR_LENGTH),
        [DeadLetterHeaders.attempts]: String(failure.attempts),
        [DeadLetterHeaders.failedAt]: failure.failedAt.toISOString(),
      },
    },
  };
}
