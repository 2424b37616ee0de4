import { RegistrationEvent } from '@extapps/contracts';
import { EventStore, StoredEvent } from '@extapps/event-store';
import { AppView } from '../external-app/projections/app-view';
import { projectAll } from '../external-app/projections/app-view.projection';
import { AppViewStore } from '../external-app/projections/app-view.store';
import { catchUpView } from '../external-app/projections/app-projector';
import { byStream, planCatchUp } from '../external-app/projections/catch-up';

type Stored = StoredEvent<RegistrationEvent>;

/**
 * Folds the log into app views in memory and writes them in bulk: inserts only, unless the views
 * outgrow `maxViews` and are flushed early (then later events of a flushed app reload its view
 * and replace it). A stream's events that arrive ahead of a missing version wait until it comes;
 * whatever still waits at the end is completed from the store.
 */
export class RebuildFold {
  private readonly folded = new Map<string, AppView>();
  /** Views reloaded after a flush: written by replacing, not inserting. */
  private readonly reloaded = new Set<string>();
  private readonly waiting = new Map<string, Stored[]>();
  private flushed = false;
  /** Every stream has exactly one version 1. */
  apps = 0;

  constructor(
    private readonly views: AppViewStore,
    private readonly store: EventStore,
    private readonly maxViews: number,
  ) {}

  async add(batch: readonly Stored[]): Promise<void> {
    this.apps += batch.filter((e) => e.event.streamVersion === 1).length;
    const streams = byStream(batch);
    if (this.flushed) await this.reload(streams);
    for (const [id, events] of streams) this.fold(id, [...(this.waiting.get(id) ?? []), ...events]);
    if (this.folded.size >= this.maxViews) await this.flush();
  }

  async finish(): Promise<void> {
    for (const [id, events] of this.waiting) {
      const view = this.folded.get(id) ?? (await this.reloadOne(id));
      const next = await catchUpView(view, events, this.store);
      if (next) this.folded.set(id, next);
    }
    this.waiting.clear();
    await this.flush();
  }

  private fold(id: string, events: readonly Stored[]): void {
    const view = this.folded.get(id) ?? null;
    const plan = planCatchUp(view?.version ?? 0, events);
    if (plan.kind === 'gap') {
      this.waiting.set(
        id,
        events.filter((e) => e.event.streamVersion > (view?.version ?? 0)),
      );
      return;
    }
    this.waiting.delete(id);
    if (plan.kind === 'apply') this.folded.set(id, projectAll(view, plan.events) as AppView);
  }

  /** Brings back the flushed views this batch continues. */
  private async reload(streams: ReadonlyMap<string, readonly Stored[]>): Promise<void> {
    const continued = ([id, events]: [string, readonly Stored[]]) =>
      !this.folded.has(id) && events.every((e) => e.event.streamVersion > 1);
    const ids = [...streams].filter(continued).map(([id]) => id);
    for (const [id, view] of await this.views.loadMany(ids)) {
      this.folded.set(id, view);
      this.reloaded.add(id);
    }
  }

  private async reloadOne(id: string): Promise<AppView | null> {
    if (!this.flushed) return null;
    const view = await this.views.load(id);
    if (view) this.reloaded.add(id);
    return view;
  }

  private async flush(): Promise<void> {
    const all = [...this.folded.values()];
    await this.views.insertMany(all.filter((v) => !this.reloaded.has(v.id)));
    await this.views.upsertMany(all.filter((v) => this.reloaded.has(v.id)));
    this.folded.clear();
    this.reloaded.clear();
    this.flushed = true;
  }
}
