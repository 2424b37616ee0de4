export type Provider = 'env' | 'testcontainers' | 'local';

export const PROVIDERS: readonly Provider[] = ['env', 'testcontainers', 'local'];

/** Running Kafka + MongoDB-wire servers, wherever they come from. */
export interface Infrastructure {
  readonly provider: Provider;
  readonly kafkaBrokers: string[];
  /** A server URL without a database name: each user picks its own database. */
  readonly mongoUrl: string;
  /** Stops what this resolver started (a no-op for servers it only found). Safe to call twice. */
  stop(): Promise<void>;
}

export type Log = (line: string) => void;

export const consoleLog: Log = (line) => console.log(line);
