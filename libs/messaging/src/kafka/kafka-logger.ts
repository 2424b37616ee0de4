import { logLevel as KafkaLogLevel, logCreator } from 'kafkajs';
import { MessagingLogger } from '../logger';

export type MessagingLogLevel = 'error' | 'warn' | 'info' | 'debug';

export const kafkaLogLevels: Record<MessagingLogLevel, KafkaLogLevel> = {
  error: KafkaLogLevel.ERROR,
  warn: KafkaLogLevel.WARN,
  info: KafkaLogLevel.INFO,
  debug: KafkaLogLevel.DEBUG,
};

/** Routes kafkajs' own logs into the service logger instead of kafkajs' console logger. */
export function kafkaLogCreator(logger: MessagingLogger): logCreator {
  return () =>
    ({ namespace, level, log }) => {
      // kafkajs stamps its own time and logger name; the service logger has both already.
      const { message, timestamp: _timestamp, logger: _name, ...extra } = log;
      const entry = { kafkajs: namespace, ...extra };
      switch (level) {
        case KafkaLogLevel.ERROR:
          return logger.error(entry, message);
        case KafkaLogLevel.WARN:
          return logger.warn(entry, message);
        case KafkaLogLevel.INFO:
          return logger.info(entry, message);
        case KafkaLogLevel.DEBUG:
        case KafkaLogLevel.NOTHING:
          return logger.debug(entry, message);
        default: {
          const unknown: never = level;
          return logger.warn({ ...entry, level: unknown }, message);
        }
      }
    };
}
