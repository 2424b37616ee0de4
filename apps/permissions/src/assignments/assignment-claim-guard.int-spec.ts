import { InMemoryEventStore, InMemorySnapshotStore } from '@extapps/event-store';
import { connectMongo } from '@extapps/mongo';
import { ManualClock, uniqueName } from '@extapps/testing';
import { Connection } from 'mongoose';
import { AggregateRepository } from '../infrastructure/aggregate-repository';
import { CLAIM_GRACE_MS, UniqueClaims } from '../roles/unique-claims';
import { assignmentAggregate } from './assignment.aggregate';
import { ASSIGNMENT_CLAIMS_COLLECTION, AssignmentClaimGuard } from './assignment-claim-guard';
import { AssignmentEventPayload } from './assignment.errors';
import { AssignmentState } from './assignment.state';

/** Who has which role where: the claim key. */
interface AssignmentPlace {
  readonly principal: { readonly type: 'app'; readonly id: string };
  readonly roleId: string;
  readonly tenantId: string;
  readonly folderId: string | null;
}

const meta = { actor: { type: 'user' as const, id: 'admin' }, correlationId: 'corr-1' };

describe('AssignmentClaimGuard on MongoDB', () => {
  let connection: Connection;
  let clock: ManualClock;
  let assignments: AggregateRepository<AssignmentState>;
  let guard: AssignmentClaimGuard;
  let place: AssignmentPlace;

  const assigned = (assignmentId: string): AssignmentEventPayload => ({
    type: 'RoleAssigned',
    data: { assignmentId, before: null, after: place },
  });
  const unassigned = (assignmentId: string): AssignmentEventPayload => ({
    type: 'RoleUnassigned',
    data: { assignmentId, reason: 'unassigned', before: place, after: null },
  });
  const refusedFor = (assignmentId: string, holder: string) =>
    expect(guard.reserve(assignmentId, [assigned(assignmentId)])).rejects.toMatchObject({
      code: 'assignment-exists',
      message: `the principal has this role here already (assignment ${holder})`,
    });

  /** The guard's whole path for one event: reserve, append, settle. */
  async function store(assignmentId: string, event: AssignmentEventPayload) {
    const before = await assignments.load(assignmentId);
    await guard.reserve(assignmentId, [event]);
    await assignments.append(assignmentId, [event], before.version, meta);
    await guard.settle(assignmentId, before.state, (await assignments.load(assignmentId)).state);
  }

  beforeAll(async () => {
    connection = await connectMongo({
      url: String(process.env['MONGO_URL']),
      dbName: uniqueName('assignment_claims'),
    });
  });

  afterAll(() => connection.close());

  beforeEach(() => {
    clock = new ManualClock('2026-03-01T12:00:00.000Z');
    const store = new InMemoryEventStore({ queues: [] });
    const snapshots = new InMemorySnapshotStore<unknown>({ schemaVersion: 1 });
    assignments = new AggregateRepository(assignmentAggregate, {
      store,
      snapshots,
      clock,
      snapshotEvery: 50,
    });
    const claims = new UniqueClaims(connection, ASSIGNMENT_CLAIMS_COLLECTION, clock);
    guard = new AssignmentClaimGuard(claims, assignments);
    place = {
      principal: { type: 'app', id: uniqueName('app') },
      roleId: 'r-1',
      tenantId: 't-1',
      folderId: null,
    };
  });

  it('given a live assignment, then an identical one is refused naming it', async () => {
    await store('a-1', assigned('a-1'));
    await refusedFor('a-2', 'a-1');
  });

  it('given the same principal and role on another folder, then it is another key', async () => {
    await store('a-1', assigned('a-1'));
    place = { ...place, folderId: 'f-1' };
    await expect(guard.reserve('a-2', [assigned('a-2')])).resolves.toBeDefined();
  });

  it('given an assignment ended and settled, then the place can be assigned again', async () => {
    await store('a-1', assigned('a-1'));
    await store('a-1', unassigned('a-1'));
    await expect(guard.reserve('a-2', [assigned('a-2')])).resolves.toBeDefined();
  });

  it('given an assignment ended before it settled, then its claim is taken over at once', async () => {
    await store('a-1', assigned('a-1'));
    const before = await assignments.load('a-1');
    await assignments.append('a-1', [unassigned('a-1')], before.version, meta);
    await expect(guard.reserve('a-2', [assigned('a-2')])).resolves.toBeDefined();
  });

  it('given a claim whose assignment was never stored, then it is taken over only after the grace', async () => {
    await guard.reserve('a-crashed', [assigned('a-crashed')]);
    await refusedFor('a-2', 'a-crashed');
    clock.advance(CLAIM_GRACE_MS);
    await expect(guard.reserve('a-2', [assigned('a-2')])).resolves.toBeDefined();
  });

  it('given five identical assignments at once, then exactly one claim wins', async () => {
    const ids = ['a', 'b', 'c', 'd', 'e'];
    const outcomes = await Promise.allSettled(ids.map((id) => guard.reserve(id, [assigned(id)])));
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
  });

  it('given an unassignment, then reserving takes no claim', async () => {
    await store('a-1', assigned('a-1'));
    await expect(guard.reserve('a-1', [unassigned('a-1')])).resolves.toBeDefined();
    await refusedFor('a-2', 'a-1');
  });
});
