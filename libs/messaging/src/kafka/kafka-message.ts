import { IHeaders, KafkaMessage } from 'kafkajs';
import { IncomingMessage } from '../ports';

export function toIncoming(topic: string, partition: number, raw: KafkaMessage): IncomingMessage {
  return {
    topic,
    partition,
    offset: raw.offset,
    key: raw.key ? raw.key.toString('utf8') : null,
    value: raw.value ?? Buffer.alloc(0),
    headers: toHeaders(raw.headers),
    timestamp: new Date(Number(raw.timestamp)),
  };
}

function toHeaders(headers: IHeaders | undefined): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    // kafkajs turns a repeated header into an array; the last one wins, as in a map.
    const last = Array.isArray(value) ? value[value.length - 1] : value;
    if (last !== undefined) result[name] = last.toString();
  }
  return result;
}
