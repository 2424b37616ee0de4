import { Inject, Injectable } from '@nestjs/common';
import { PermissionsEvent } from '@extapps/contracts';
import { StoredEvent, WrongExpectedVersion } from '@extapps/event-store';
import { Logger, ROOT_LOGGER } from '@extapps/platform';
import { ACCESS_PROJECTION, AccessProjection } from '../access/ports';
import { AggregateRepository, Loaded, PermissionsEventPayload } from './aggregate-repository';
import { CommandMeta } from './http/command-meta';
import { concurrentChange, DomainRefusal, refusal, versionMismatch } from './http/problems';
import { OutboxWaker } from './ports';
import { OUTBOX_WAKER } from './tokens';

/** What every decider of the service answers: new events (maybe none), or why not. */
export type Decision =
  | { readonly ok: true; readonly events: readonly PermissionsEventPayload[] }
  | { readonly ok: false; readonly error: DomainRefusal };

/** Something taken before the append (e.g. a unique-name claim) and given back if it fails. */
export interface Reservation {
  abandon(): Promise<void>;
}

/** Cross-aggregate rules a decider cannot check (unique names): enforced around the append. */
export interface AppendGuard<S> {
  /** Throws a PermissionsProblem to refuse (e.g. 409 name taken). */
  reserve(streamId: string, events: readonly PermissionsEventPayload[]): Promise<Reservation>;
  /** After a stored append: releases what `before` held and `after` no longer does. */
  settle(streamId: string, before: S, after: S): Promise<void>;
}

export interface CommandSpec<S> {
  readonly repository: AggregateRepository<S>;
  readonly streamId: string;
  readonly meta: CommandMeta;
  /** The pure decider on the freshly loaded state (context such as lookups closed over). */
  readonly decide: (state: S) => Decision;
  /** HTTP status per refusal code (404 unknown, 409 conflicts); 422 for codes not listed. */
  readonly statusOf: Readonly<Record<string, number>>;
  readonly guard?: AppendGuard<S>;
}

export interface CommandResult<S> {
  readonly streamId: string;
  /** The stream's version after the command: the new ETag. */
  readonly version: number;
  readonly state: S;
  /** Empty when the command changed nothing (an idempotent repeat). */
  readonly stored: readonly StoredEvent<PermissionsEvent>[];
}

/**
 * The one path every command takes: load → If-Match (412) → decide (problem) → reserve →
 * append (409 when another writer won) → access index (read-your-writes on this instance) →
 * wake the outbox relay → snapshot when due. Nothing after the append fails the command: its
 * events are stored, Kafka brings them to every instance's index, the next load refolds.
 */
@Injectable()
export class CommandRunner {
  constructor(
    @Inject(ACCESS_PROJECTION) private readonly projection: AccessProjection,
    @Inject(OUTBOX_WAKER) private readonly outbox: OutboxWaker,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
  ) {}

  async run<S>(spec: CommandSpec<S>): Promise<CommandResult<S>> {
    const { repository, streamId, meta } = spec;
    const loaded = await repository.load(streamId);
    if (meta.expectedVersion !== undefined && meta.expectedVersion !== loaded.version) {
      throw versionMismatch(meta.expectedVersion, loaded.version);
    }
    const decision = spec.decide(loaded.state);
    if (!decision.ok) throw refusal(decision.error, spec.statusOf);
    if (decision.events.length === 0) {
      return { streamId, version: loaded.version, state: loaded.state, stored: [] };
    }
    const state = repository.fold(loaded.state, decision.events);
    const stored = await this.append(spec, loaded, decision.events);
    const version = loaded.version + stored.length;
    await this.afterAppend(spec, loaded, { streamId, version, state, stored });
    return { streamId, version, state, stored };
  }

  private async append<S>(
    spec: CommandSpec<S>,
    loaded: Loaded<S>,
    events: readonly PermissionsEventPayload[],
  ): Promise<StoredEvent<PermissionsEvent>[]> {
    const reservation = await spec.guard?.reserve(spec.streamId, events);
    try {
      return await spec.repository.append(spec.streamId, events, loaded.version, spec.meta);
    } catch (error) {
      // Failing to give a reservation back must not hide why the append failed.
      await reservation
        ?.abandon()
        .catch((reason: unknown) => this.sideStepFailed('abandon', spec.streamId, reason));
      if (error instanceof WrongExpectedVersion) throw concurrentChange(error.currentVersion);
      throw error;
    }
  }

  private async afterAppend<S>(
    spec: CommandSpec<S>,
    loaded: Loaded<S>,
    result: CommandResult<S>,
  ): Promise<void> {
    const { streamId } = spec;
    for (const { event } of result.stored) {
      try {
        this.projection.apply(event);
      } catch (error) {
        this.sideStepFailed('access index', streamId, error);
      }
    }
    this.outbox.kick();
    await spec.guard
      ?.settle(streamId, loaded.state, result.state)
      .catch((error: unknown) => this.sideStepFailed('settle', streamId, error));
    await spec.repository
      .snapshotIfDue(streamId, result.state, loaded.version, result.version)
      .catch((error: unknown) => this.sideStepFailed('snapshot', streamId, error));
  }

  private sideStepFailed(step: string, streamId: string, error: unknown): void {
    this.logger.warn(
      { component: 'commands', streamId, step, reason: (error as Error).message },
      'a side step of a command failed (it catches up: Kafka feeds the index, claims go stale)',
    );
  }
}
