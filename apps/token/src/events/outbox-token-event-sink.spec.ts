import { TokenEvent } from '@extapps/contracts';
import { OutboxTokenEventSink } from './outbox-token-event-sink';
import { InMemoryTokenOutbox } from './testing/in-memory-token-outbox';
import { manualCommitTimers, observe, settle } from './testing/manual-commit-timers';
import { authFailedRecord, requestMeta, tokenIssuedRecord } from './testing/token-event-samples';
import { TokenEventRecord, TokenEventsUnavailable } from './token-event-sink';

/** The in-memory outbox, remembering each write and failing them while `down`. */
class ObservedOutbox extends InMemoryTokenOutbox {
  readonly writes: TokenEvent[][] = [];
  down: Error | undefined;

  override async add(events: readonly TokenEvent[]): Promise<void> {
    if (this.down) throw this.down;
    this.writes.push([...events]);
    await super.add(events);
  }
}

function sinkOver(outbox = new ObservedOutbox()) {
  const clock = manualCommitTimers();
  const stored: number[] = [];
  const failures: { error: unknown; count: number }[] = [];
  const sink = new OutboxTokenEventSink({
    outbox,
    maxBatch: 100,
    maxWaiting: 1_000,
    timeoutMs: 1_000,
    timers: clock.timers,
    onStored: () => stored.push(outbox.size),
    onWriteFailed: (error, count) => failures.push({ error, count }),
  });
  return { sink, clock, outbox, stored, failures };
}

const pendingOf = async (outbox: InMemoryTokenOutbox) =>
  (await outbox.pending(100)).map(({ event }) => event);

describe('OutboxTokenEventSink', () => {
  it('given a request, then record resolves once its envelopes are in the outbox, and wakes the relay', async () => {
    const { sink, clock, outbox, stored } = sinkOver();
    const meta = requestMeta('app-a', 'curl/8');
    const recorded = observe(sink.record([tokenIssuedRecord('app-a', 'sec-9')], meta));
    await settle();
    expect(recorded.state()).toBe('pending');

    clock.runSoon();
    await settle();

    expect(recorded.state()).toBe('resolved');
    expect(stored).toEqual([1]);
    expect(await pendingOf(outbox)).toEqual([
      expect.objectContaining({
        type: 'TokenIssued',
        streamId: 'app-a',
        streamVersion: 1,
        occurredAt: '2026-01-01T00:00:00.000Z',
        actor: meta.actor,
        correlationId: meta.correlationId,
        causationId: null,
        data: expect.objectContaining({ clientId: 'app-a', secretId: 'sec-9' }),
      }),
    ]);
  });

  it('given concurrent requests, then their events share one outbox write', async () => {
    const { sink, clock, outbox } = sinkOver();
    const records = [
      sink.record([tokenIssuedRecord('app-a')], requestMeta('app-a')),
      sink.record([authFailedRecord('app-b'), tokenIssuedRecord('app-b')], requestMeta('app-b')),
    ];
    clock.runSoon();
    await Promise.all(records);

    expect(outbox.writes.map((w) => w.map((e) => `${e.streamId}:${e.type}`))).toEqual([
      ['app-a:TokenIssued', 'app-b:ClientAuthenticationFailed', 'app-b:TokenIssued'],
    ]);
  });

  it('given the outbox fails, then record rejects with TokenEventsUnavailable and the failure is reported once', async () => {
    const outbox = new ObservedOutbox();
    outbox.down = new Error('connection refused');
    const { sink, clock, failures } = sinkOver(outbox);
    const records = [
      observe(sink.record([tokenIssuedRecord('app-a')], requestMeta('app-a'))),
      observe(sink.record([tokenIssuedRecord('app-b')], requestMeta('app-b'))),
    ];
    clock.runSoon();
    await settle();

    expect(records.map((r) => r.state())).toEqual(['rejected', 'rejected']);
    const error = records[0]?.error();
    expect(error).toBeInstanceOf(TokenEventsUnavailable);
    expect(error).toHaveProperty('message', 'token events not recorded: write-failed');
    expect(failures).toEqual([{ error: outbox.down, count: 2 }]);
  });

  it('given a write slower than the deadline, then record rejects with TokenEventsUnavailable', async () => {
    const { sink, clock } = sinkOver();
    const recorded = observe(sink.record([tokenIssuedRecord('app-a')], requestMeta('app-a')));
    clock.advance(1_000);
    await settle();

    expect(recorded.error()).toEqual(new TokenEventsUnavailable('timeout'));
  });

  it('given an event its schema refuses, then record rejects as a bug and stores nothing', async () => {
    const { sink, clock, outbox } = sinkOver();
    const record: TokenEventRecord = {
      streamId: 'app-a',
      payload: {
        type: 'TokenIssued',
        data: {
          clientId: 'app-a',
          grantType: 'client_credentials',
          subject: 'app-a',
          subjectType: 'app',
          scope: 'x'.repeat(4001),
          audience: ['OrchestratorApi'],
          jti: 'jti-1',
          expiresAt: '2026-01-01T01:00:00.000Z',
          secretId: null,
        },
      },
    };

    const recorded = observe(sink.record([record], requestMeta('app-a')));
    clock.runSoon();
    await settle();

    expect(recorded.state()).toBe('rejected');
    expect(recorded.error()).not.toBeInstanceOf(TokenEventsUnavailable);
    expect(outbox.writes).toEqual([]);
  });

  it('given no events, then record resolves without writing', async () => {
    const { sink, outbox } = sinkOver();
    await sink.record([], requestMeta('app-a'));

    expect(outbox.writes).toEqual([]);
  });
});
