/** Parses KAFKA_BROKERS ("host:port[,host:port...]"); the error names the setting. */
export function parseKafkaBrokers(value: string): string[] {
  const brokers = value
    .split(',')
    .map((b) => b.trim())
    .filter(Boolean);
  if (brokers.length === 0)
    throw new Error('KAFKA_BROKERS is empty: expected host:port[,host:port...]');
  for (const broker of brokers) {
    const match = /^([^\s:/]+|\[[0-9a-fA-F:]+\]):(\d{1,5})$/.exec(broker);
    if (!match || Number(match[2]) < 1 || Number(match[2]) > 65535) {
      throw new Error(
        `KAFKA_BROKERS entry "${broker}" is not host:port with a port between 1 and 65535`,
      );
    }
  }
  return brokers;
}

/** Checks MONGO_URL is a MongoDB connection string; returns it unchanged. */
export function parseMongoUrl(value: string): string {
  if (!/^mongodb(\+srv)?:\/\/[^/\s]+/.test(value.trim())) {
    throw new Error(
      `MONGO_URL "${redactMongoUrl(value)}" is not a mongodb:// or mongodb+srv:// URL`,
    );
  }
  return value.trim();
}

/** The URL with its password hidden, for log lines. */
export function redactMongoUrl(url: string): string {
  return url.replace(/^(mongodb(?:\+srv)?:\/\/[^:@/]+):[^@/]*@/, '$1:***@');
}
