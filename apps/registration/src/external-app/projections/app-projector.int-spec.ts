import { RegistrationEvent } from '@extapps/contracts';
import { StoredEvent } from '@extapps/event-store';
import pino from 'pino';
import { RegistrationConfig } from '../../config';
import { projectAll } from './app-view.projection';
import { appendHistory } from './testing/history';
import { day, readSide, ReadSide, registerApp } from './testing/read-side-fixture';
import { ProjectionsWorker } from './projections-worker';

const renames = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => ({
    command: { type: 'RenameExternalApp' as const, name: `Robot v${from + i}` },
    at: day(from + i),
  }));

describe('AppProjector on MongoDB', () => {
  let side: ReadSide;
  beforeAll(async () => (side = await readSide('projector')));
  afterAll(() => side.close());

  /** Appends without projecting: the projector under test gets them as the test decides. */
  const appendOnly = (appId: string, steps: Parameters<typeof appendHistory>[2]) =>
    appendHistory(side.store, appId, steps);
  const fold = (events: StoredEvent<RegistrationEvent>[]) => projectAll(null, events);

  it('given a fresh history, when projected, then the view is the pure fold of it', async () => {
    const events = await appendOnly('proj-1', [
      registerApp('proj-1', 'Robot', day(0)),
      ...renames(1, 3),
    ]);

    await side.projector.project(events);

    expect(await side.views.load('proj-1')).toEqual(fold(events));
  });

  it('given a projected view, when the same events come again, then nothing changes', async () => {
    const events = await appendOnly('proj-2', [
      registerApp('proj-2', 'Robot', day(0)),
      ...renames(1, 2),
    ]);
    await side.projector.project(events);
    const before = await side.views.load('proj-2');

    await side.projector.project([...events].reverse());
    await side.projector.project(events.slice(0, 1));

    expect(await side.views.load('proj-2')).toEqual(before);
  });

  it('given a view at version 1, when only version 4 arrives, then 2 and 3 are read from the store', async () => {
    const events = await appendOnly('proj-3', [
      registerApp('proj-3', 'Robot', day(0)),
      ...renames(1, 3),
    ]);
    await side.projector.project(events.slice(0, 1));

    await side.projector.project(events.slice(3));

    expect(await side.views.load('proj-3')).toMatchObject({ version: 4, name: 'Robot v3' });
    expect(await side.views.load('proj-3')).toEqual(fold(events));
  });

  it('given no view, when a late event arrives first, then the stream is folded from its start', async () => {
    const events = await appendOnly('proj-4', [
      registerApp('proj-4', 'Robot', day(0)),
      ...renames(1, 2),
    ]);

    await side.projector.project(events.slice(2));

    expect(await side.views.load('proj-4')).toEqual(fold(events));
  });

  it('given many projectors racing over overlapping parts of one stream, then the view ends complete', async () => {
    const events = await appendOnly('proj-5', [
      registerApp('proj-5', 'Robot', day(0)),
      ...renames(1, 11),
    ]);

    await Promise.all(
      events.map((_, i) => side.projector.project(events.slice(i % 3 === 0 ? 0 : i, i + 2))),
    );

    expect(await side.views.load('proj-5')).toEqual(fold(events));
  });

  it('given events the inline projection missed, when the worker runs, then it projects and acknowledges them', async () => {
    const config = { OUTBOX_POLL_INTERVAL_MS: 50 } as RegistrationConfig;
    const worker = new ProjectionsWorker(
      side.projector,
      side.store,
      config,
      pino({ level: 'silent' }),
    );
    const events = await appendOnly('proj-6', [
      registerApp('proj-6', 'Robot', day(0)),
      ...renames(1, 2),
    ]);

    let outcome = await worker.runOnce();
    while (outcome.kind === 'handled') outcome = await worker.runOnce();

    expect(outcome).toEqual({ kind: 'idle' });
    expect(await side.views.load('proj-6')).toEqual(fold(events));
    expect(await side.store.queue('projections').pending(1)).toEqual([]);
  });
});
