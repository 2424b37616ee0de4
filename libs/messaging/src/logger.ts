/** The subset of pino's logger the messaging code needs; a pino logger fits as is. */
export interface MessagingLogger {
  debug(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

const ignore = (): void => undefined;

export const noopLogger: MessagingLogger = {
  debug: ignore,
  info: ignore,
  warn: ignore,
  error: ignore,
};
