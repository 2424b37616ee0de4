import { Inject, Injectable } from '@nestjs/common';
import { RegistrationEvent } from '@extapps/contracts';
import { EventStore, StoredEvent } from '@extapps/event-store';
import { EVENT_STORE } from '../../infrastructure/tokens';
import { AppView } from './app-view';
import { projectAll } from './app-view.projection';
import { AppViewStore } from './app-view.store';
import { asEvents, byStream, planCatchUp } from './catch-up';

/** Lost races in a row before giving up; each loss means another projector made progress. */
const MAX_ATTEMPTS = 10;

/**
 * Brings one app's view up to date with `events` (one stream's, any order, repeats allowed):
 * versions already folded in are skipped, and a gap is filled from the store, so the result is
 * the same whichever subset of the stream arrives, how often, and from whom.
 */
export async function catchUpView(
  view: AppView | null,
  events: readonly StoredEvent<RegistrationEvent>[],
  store: EventStore,
): Promise<AppView | null> {
  const plan = planCatchUp(view?.version ?? 0, events);
  switch (plan.kind) {
    case 'up-to-date':
      return view;
    case 'apply':
      return projectAll(view, plan.events);
    case 'gap': {
      const streamId = (events[0] as StoredEvent).event.streamId;
      const { fromVersion, toVersion } = plan;
      const missing = await store.readStream(streamId, { fromVersion, toVersion });
      return projectAll(view, asEvents<RegistrationEvent>(missing));
    }
    default: {
      const unreachable: never = plan;
      throw new Error(`unknown plan ${JSON.stringify(unreachable)}`);
    }
  }
}

/**
 * Keeps the app views in step with the event store. Called inline after each append and by the
 * projections worker for whatever the inline call missed (a crash between append and projection).
 */
@Injectable()
export class AppProjector {
  /** The tail of each app's chain of projections in this process. */
  private readonly tails = new Map<string, Promise<void>>();

  constructor(
    private readonly views: AppViewStore,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async project(events: readonly StoredEvent<RegistrationEvent>[]): Promise<void> {
    const streams = [...byStream(events)];
    await Promise.all(
      streams.map(([id, stream]) => this.oneAtATime(id, () => this.projectStream(id, stream))),
    );
  }

  /**
   * Runs one app's projections in this process one after another. Why: FerretDB 1.x applies a
   * conditional update as a read then a write, not atomically, so two projectors racing in one
   * process could both "win" and the older fold could land last. Across instances the
   * conditional update is what protects the view: atomic on MongoDB; on FerretDB a rare lost
   * update is healed by the app's next event (its gap is filled from the store).
   */
  private oneAtATime(id: string, work: () => Promise<void>): Promise<void> {
    const run = (this.tails.get(id) ?? Promise.resolve()).then(work);
    const tail = run.catch(() => undefined);
    this.tails.set(id, tail);
    void tail.then(() => {
      if (this.tails.get(id) === tail) this.tails.delete(id);
    });
    return run;
  }

  private async projectStream(
    id: string,
    events: readonly StoredEvent<RegistrationEvent>[],
  ): Promise<void> {
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const current = await this.views.load(id);
      const next = await catchUpView(current, events, this.store);
      if (next === null || next === current) return;
      // Conditional on the version read: two projectors never interleave their folds.
      if (await this.views.replace(next, current?.version ?? null)) return;
    }
    throw new Error(`the view of app ${id} kept changing over ${MAX_ATTEMPTS} attempts`);
  }
}
