import { RegistrationEvent } from '@extapps/contracts';
import { StoredEvent } from '@extapps/event-store';

/** The read side's projector, seen from the write side: brings read models up to these events. */
export interface ReadModelProjector {
  project(events: StoredEvent<RegistrationEvent>[]): Promise<void>;
}

/** The outbox relay, seen from the write side: there is something new to publish. */
export interface OutboxWaker {
  kick(): void;
}
