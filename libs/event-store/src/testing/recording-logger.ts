import { WorkerLogger } from '../worker/worker-support';

export interface LoggedLine {
  readonly level: 'info' | 'warn' | 'error';
  readonly obj: object;
  readonly msg?: string;
}

/** A worker logger that keeps every line, for assertions. */
export function recordingLogger(): WorkerLogger & { readonly lines: LoggedLine[] } {
  const lines: LoggedLine[] = [];
  const at =
    (level: LoggedLine['level']) =>
    (obj: object, msg?: string): void =>
      void lines.push({ level, obj, msg });
  return { lines, info: at('info'), warn: at('warn'), error: at('error') };
}
