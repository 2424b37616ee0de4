import { RegistrationEvent } from '@extapps/contracts';
import { EventStore } from '@extapps/event-store';
import { AppViewStore } from '../external-app/projections/app-view.store';
import { asEvents } from '../external-app/projections/catch-up';
import { EventBatches } from './event-batches';
import { RebuildFold } from './rebuild-fold';

export const DEFAULT_REBUILD_BATCH = 1000;
/** Roughly 1-2 KB each; beyond this many the views are written early (slower, but bounded). */
export const DEFAULT_MAX_VIEWS_IN_MEMORY = 100_000;

export interface RebuildOptions {
  readonly maxViewsInMemory?: number;
  /** Called after each batch, e.g. to print progress. */
  readonly onBatch?: (progress: { events: number }) => void;
  /** The wall clock, for the throughput figure only. */
  readonly nowMs?: () => number;
}

export interface RebuildResult {
  readonly events: number;
  readonly views: number;
  readonly elapsedMs: number;
  readonly eventsPerSecond: number;
}

/**
 * Drops the app views and replays the whole log through the same pure projection the live
 * projector uses (see RebuildFold), then builds the indexes once over the full collection.
 * `store` only fills gaps the batches leave (see EventBatches).
 *
 * Safe beside a running service: a view the live projector stores meanwhile is only ever replaced
 * by a newer version, and each view is a pure fold of its stream, so neither undoes the other.
 * Until it finishes, queries see fewer apps than exist.
 */
export async function rebuildAppViews(
  source: EventBatches,
  deps: { readonly store: EventStore; readonly views: AppViewStore },
  options: RebuildOptions = {},
): Promise<RebuildResult> {
  const nowMs = options.nowMs ?? Date.now;
  const started = nowMs();
  await deps.views.drop();
  const fold = new RebuildFold(
    deps.views,
    deps.store,
    options.maxViewsInMemory ?? DEFAULT_MAX_VIEWS_IN_MEMORY,
  );
  let events = 0;
  for await (const batch of source) {
    await fold.add(asEvents<RegistrationEvent>(batch));
    events += batch.length;
    options.onBatch?.({ events });
  }
  await fold.finish();
  await deps.views.createIndexes();
  const elapsedMs = Math.max(1, nowMs() - started);
  return { events, views: fold.apps, elapsedMs, eventsPerSecond: (events * 1000) / elapsedMs };
}
