import { AppendMeta } from '../aggregate-repository';

/** Who asks, in which request, and (from If-Match) which version they saw. */
export interface CommandMeta extends AppendMeta {
  /** When set, the command is refused with 412 unless the stream is at exactly this version. */
  readonly expectedVersion?: number;
}
