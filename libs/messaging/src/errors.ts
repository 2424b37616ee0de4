/**
 * Thrown by a handler for a message that no retry can fix (malformed, unknown type): the message
 * goes to the dead-letter topic at once instead of after the retry budget.
 */
export class PoisonMessageError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'PoisonMessageError';
  }
}

/** A message could neither be handled nor parked; it stays uncommitted and is delivered again. */
export class DeadLetterPublishError extends Error {
  constructor(topic: string, options: { cause: unknown }) {
    super(
      `could not publish to dead-letter topic ${topic}: ${errorMessage(options.cause)}`,
      options,
    );
    this.name = 'DeadLetterPublishError';
  }
}

/** A bad messaging setting, reported at start-up with the setting's name. */
export class MessagingConfigError extends Error {
  constructor(setting: string, reason: string) {
    super(`messaging setting ${setting} ${reason}`);
    this.name = 'MessagingConfigError';
  }
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** An operation named a topic the cluster does not have (and must not create on the fly). */
export class UnknownTopicError extends Error {
  constructor(readonly topic: string) {
    super(`topic ${topic} does not exist`);
    this.name = 'UnknownTopicError';
  }
}
