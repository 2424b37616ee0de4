import { Injectable } from '@nestjs/common';
import { OutboxWaker } from './ports';

/**
 * Every worker of the event store's queues (the outbox relay, view projectors): one kick after an
 * append wakes them all, so none waits for its next poll. Workers add themselves when built.
 */
@Injectable()
export class AppendWakers implements OutboxWaker {
  private readonly wakers: OutboxWaker[] = [];

  add(waker: OutboxWaker): void {
    this.wakers.push(waker);
  }

  kick(): void {
    for (const waker of this.wakers) waker.kick();
  }
}
