import { Writable } from 'node:stream';
import { DestinationStream } from 'pino';

export type LogLine = Record<string, unknown>;

export interface LogCapture {
  readonly destination: DestinationStream;
  /** Every JSON line written so far, parsed. */
  lines(): LogLine[];
}

export function captureLogs(): LogCapture {
  const raw: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      raw.push(
        ...chunk
          .toString('utf8')
          .split('\n')
          .filter((l) => l.length > 0),
      );
      callback();
    },
  });
  return {
    destination,
    lines: () => raw.map((line) => JSON.parse(line) as LogLine),
  };
}
