import { Clock, RegistrationEvent, ResourceCatalog } from '@extapps/contracts';
import { StoredEvent, WrongExpectedVersion } from '@extapps/event-store';
import { AppRepository, LoadedApp } from '../../infrastructure/app-repository';
import { OutboxWaker, ReadModelProjector } from '../../infrastructure/ports';
import { Decision } from '../errors';
import { DecisionContext, evolve } from '../external-app.decider';
import { ExternalAppState } from '../external-app.state';
import { CommandMeta, CommandOutcome } from './command-meta';
import { NameGuard } from './name-guard';
import { concurrentChange, refusal, versionMismatch } from './problems';

/** What a command handler gives the runner: the decision on the freshly loaded state. */
export type AppDecider = (state: ExternalAppState, context: DecisionContext) => Decision;

/** CommandOutcome plus what the HTTP layer renders: every stored event and the new state. */
export interface AppCommandResult extends CommandOutcome {
  readonly stored: readonly StoredEvent<RegistrationEvent>[];
  readonly state: ExternalAppState;
}

export interface CommandRunnerOptions {
  readonly repository: AppRepository;
  readonly names: NameGuard;
  readonly clock: Clock;
  readonly catalog: ResourceCatalog;
  readonly projector: ReadModelProjector;
  readonly outbox: OutboxWaker;
  /** Reports a failed side step (after the append, or undoing a claim): logged as a warning. */
  readonly onSideStepFailure: (step: string, appId: string, error: unknown) => void;
}

/**
 * The one path every command takes: load → If-Match check → decide → claim names → append →
 * project (read-your-writes) → wake the outbox relay. Refusals are AppProblems (problem+json).
 */
export class CommandRunner {
  constructor(private readonly options: CommandRunnerOptions) {}

  async run(appId: string, meta: CommandMeta, decider: AppDecider): Promise<AppCommandResult> {
    const { repository, clock, catalog } = this.options;
    const loaded = await repository.load(appId);
    if (meta.expectedVersion !== undefined && meta.expectedVersion !== loaded.version) {
      throw versionMismatch(meta.expectedVersion, loaded.version);
    }
    const decision = decider(loaded.state, { now: clock.now(), catalog });
    if (!decision.ok) throw refusal(decision.error);
    if (decision.events.length === 0) {
      return { appId, version: loaded.version, event: null, stored: [], state: loaded.state };
    }
    const state = decision.events.reduce(evolve, loaded.state);
    const stored = await this.append(appId, loaded, decision.events, meta);
    const version = loaded.version + stored.length;
    await this.afterAppend(appId, loaded, state, version, stored);
    return { appId, version, event: stored.at(-1)?.event ?? null, stored, state };
  }

  private async append(
    appId: string,
    loaded: LoadedApp,
    events: Extract<Decision, { ok: true }>['events'],
    meta: CommandMeta,
  ) {
    const claims = await this.options.names.claim(appId, events);
    try {
      return await this.options.repository.appendEvents(appId, events, loaded.version, meta);
    } catch (error) {
      // Failing to give a claim back must not hide why the append failed: it only goes stale.
      await this.options.names
        .abandon(appId, claims)
        .catch((reason: unknown) => this.options.onSideStepFailure('name abandon', appId, reason));
      if (error instanceof WrongExpectedVersion) throw concurrentChange(error.currentVersion);
      throw error;
    }
  }

  /** Nothing here may fail the command: its events are stored and will be published. */
  private async afterAppend(
    appId: string,
    loaded: LoadedApp,
    state: ExternalAppState,
    version: number,
    stored: StoredEvent<RegistrationEvent>[],
  ): Promise<void> {
    const { names, repository, projector, outbox, onSideStepFailure: failed } = this.options;
    outbox.kick();
    // A failed release leaves a stale claim, which the next claimant of the name takes over.
    await names
      .settle(appId, loaded.state, state)
      .catch((error: unknown) => failed('name release', appId, error));
    await repository
      .snapshotIfDue(appId, state, loaded.version, version)
      .catch((error: unknown) => failed('snapshot', appId, error));
    // The projections worker catches up on failure; the caller may briefly read older data.
    await projector.project(stored).catch((error: unknown) => failed('projection', appId, error));
  }
}
