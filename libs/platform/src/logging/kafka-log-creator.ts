import { logLevel, LogEntry, logCreator } from 'kafkajs';
import { Level, Logger } from 'pino';

function toPinoLevel(level: logLevel): Level {
  switch (level) {
    case logLevel.ERROR:
      return 'error';
    case logLevel.WARN:
      return 'warn';
    case logLevel.INFO:
      return 'info';
    case logLevel.DEBUG:
      return 'debug';
    case logLevel.NOTHING:
      return 'trace';
    default: {
      const unexpected: never = level;
      return unexpected;
    }
  }
}

/** kafkajs otherwise prints its own non-JSON lines to stdout; its entries carry `logger: 'kafkajs'`. */
export function kafkaLogCreator(logger: Logger): logCreator {
  return () =>
    ({ namespace, level, log }: LogEntry) => {
      // pino stamps its own time; kafkajs' timestamp would only duplicate it.
      const { message, timestamp: _timestamp, ...extra } = log;
      logger[toPinoLevel(level)]({ ...extra, namespace }, message);
    };
}
