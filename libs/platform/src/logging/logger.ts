import pino, { DestinationStream, Logger } from 'pino';
import { LogLevel } from '../config/base-config';
import { currentCorrelationId } from './correlation';

export type { Logger } from 'pino';

export interface LoggerOptions {
  readonly service: string;
  readonly level: LogLevel;
  /** Defaults to stdout; tests pass a capturing stream. */
  readonly destination?: DestinationStream;
}

// Belt and braces: nothing should log these, but if a header bag or DTO slips into a log call
// the secret must not reach the log store.
const REDACTED_PATHS = [
  'authorization',
  'password',
  'secret',
  'clientSecret',
  '*.authorization',
  '*.password',
  '*.secret',
  '*.clientSecret',
  'headers.authorization',
  'headers.cookie',
  '*.headers.authorization',
  '*.headers.cookie',
];

export function createLogger(options: LoggerOptions): Logger {
  return pino(
    {
      level: options.level,
      base: { service: options.service },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      mixin: () => {
        const correlationId = currentCorrelationId();
        return correlationId === undefined ? {} : { correlationId };
      },
    },
    options.destination ?? pino.destination({ fd: 1, sync: true }),
  );
}
