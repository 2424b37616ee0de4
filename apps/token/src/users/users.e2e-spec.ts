import { eventually, uniqueName } from '@extapps/testing';
import { useUsersApi } from './testing/users-e2e';
import { USER_SIGN_IN, UserSignIn } from './user-sign-in';

const PROBLEM_JSON = /^application\/problem\+json/;
const PASSWORD = 'rabbit-hole-1865';

describe('user directory admin API through HTTP (real Kafka and MongoDB)', () => {
  const api = useUsersApi();
  let token: string;
  beforeAll(async () => {
    token = await api.tokenOf(api.writer, 'extapps.users.read extapps.users.write');
  });
  const newName = () =>
    uniqueName('user')
      .toLowerCase()
      .replace(/[^a-z0-9._-]/g, '-');

  async function createUser(username = newName()) {
    const answer = await api.call('POST', '/v1/users', {
      token,
      body: { username, displayName: 'Alice Liddell', password: PASSWORD },
    });
    expect(answer.status).toBe(201);
    return answer.body as { userId: string; username: string; version: number };
  }

  const writerActor = () => expect.objectContaining({ type: 'app', id: api.writer.app.appId });

  it('creates a user: 201, Location, no password in the answer, UserCreated on the topic', async () => {
    const username = newName();
    const answer = await api.call('POST', '/v1/users', {
      token,
      body: { username: username.toUpperCase(), displayName: 'Alice', password: PASSWORD },
    });
    expect(answer.status).toBe(201);
    const user = answer.body as { userId: string };
    expect(answer.headers.get('location')).toBe(`/v1/users/${user.userId}`);
    expect(answer.body).toEqual({
      userId: expect.any(String),
      username,
      displayName: 'Alice',
      status: 'active',
      version: 1,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
      lockedUntil: null,
    });
    const [created] = await eventually(() => {
      const events = api.topic.eventsOf(user.userId);
      expect(events).toHaveLength(1);
      return events;
    });
    expect(created).toMatchObject({
      type: 'UserCreated',
      streamVersion: 1,
      actor: writerActor(),
      data: { userId: user.userId, username, displayName: 'Alice' },
    });
    expect(JSON.stringify(created)).not.toContain(PASSWORD);
  });

  it('refuses a taken username with 409 problem+json', async () => {
    const { username } = await createUser();
    const answer = await api.call('POST', '/v1/users', {
      token,
      body: { username, displayName: 'Other', password: PASSWORD },
    });
    expect(answer.status).toBe(409);
    expect(answer.headers.get('content-type')).toMatch(PROBLEM_JSON);
  });

  it('refuses a weak password and a malformed body with 400 naming the field', async () => {
    const weak = await api.call('POST', '/v1/users', {
      token,
      body: { username: newName(), displayName: 'Bob', password: 'short' },
    });
    expect(weak.status).toBe(400);
    expect(weak.body).toMatchObject({ errors: [{ field: 'password' }] });
    const extra = await api.call('POST', '/v1/users', {
      token,
      body: { username: newName(), displayName: 'Bob', password: PASSWORD, admin: true },
    });
    expect(extra.status).toBe(400);
  });

  it('reads one user, 404 for an unknown one, and lists users a page at a time', async () => {
    const first = await createUser();
    await createUser();
    expect((await api.call('GET', `/v1/users/${first.userId}`, { token })).body).toMatchObject({
      userId: first.userId,
      version: 1,
    });
    const unknown = await api.call('GET', '/v1/users/no-such-user', { token });
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('content-type')).toMatch(PROBLEM_JSON);
    const page = await api.call('GET', '/v1/users?limit=1', { token });
    expect(page.body).toMatchObject({
      items: [expect.any(Object)],
      nextCursor: expect.any(String),
    });
    const next = await api.call(
      'GET',
      `/v1/users?limit=100&cursor=${String(page.body?.['nextCursor'])}`,
      {
        token,
      },
    );
    const items = (next.body?.['items'] ?? []) as { userId: string }[];
    expect(items.length).toBeGreaterThanOrEqual(1);
    expect(JSON.stringify([page.body, next.body])).not.toContain('scrypt');
    expect((await api.call('GET', '/v1/users?cursor=***', { token })).status).toBe(400);
  });

  it('resets a password, disables, enables and deletes, each event with the next version', async () => {
    const { userId } = await createUser();
    const reset = await api.call('POST', `/v1/users/${userId}/password`, {
      token,
      body: { password: 'looking-glass-1871' },
    });
    expect(reset).toMatchObject({ status: 200, body: { version: 2 } });
    expect((await api.call('POST', `/v1/users/${userId}/disable`, { token })).body).toMatchObject({
      status: 'disabled',
      version: 3,
    });
    expect((await api.call('POST', `/v1/users/${userId}/enable`, { token })).body).toMatchObject({
      status: 'active',
      version: 4,
    });
    expect((await api.call('DELETE', `/v1/users/${userId}`, { token })).body).toMatchObject({
      status: 'deleted',
      version: 5,
    });
    const again = await api.call('POST', `/v1/users/${userId}/enable`, { token });
    expect(again.status).toBe(409);
    const events = await eventually(() => {
      const all = api.topic.eventsOf(userId);
      expect(all).toHaveLength(5);
      return all;
    });
    expect(events.map((e) => [e.type, e.streamVersion])).toEqual([
      ['UserCreated', 1],
      ['UserPasswordChanged', 2],
      ['UserDisabled', 3],
      ['UserEnabled', 4],
      ['UserDeleted', 5],
    ]);
    expect(events.every((e) => e.actor.id === api.writer.app.appId)).toBe(true);
  });

  it('refuses a weak reset with 400 and an unknown user with 404', async () => {
    const { userId, username } = await createUser();
    const weak = await api.call('POST', `/v1/users/${userId}/password`, {
      token,
      body: { password: username },
    });
    expect(weak).toMatchObject({ status: 400, body: { errors: [{ field: 'password' }] } });
    const unknown = await api.call('POST', '/v1/users/nobody/disable', { token });
    expect(unknown.status).toBe(404);
  });

  it('shows a lockout after failed sign-ins, and /unlock ends it', async () => {
    const { userId, username } = await createUser();
    const signIn = api.t.service().app.get<UserSignIn>(USER_SIGN_IN);
    const meta = { ip: '198.51.100.4', correlationId: 'corr-e2e' };
    for (let i = 0; i < 5; i++)
      await signIn.signIn(
        username,
        'wrong-password-x',
        api.writer.app.appId,
        meta,
        api.t.clock.now(),
      );
    const locked = await api.call('GET', `/v1/users/${userId}`, { token });
    expect(locked.body).toMatchObject({ lockedUntil: expect.any(String), version: 2 });
    const unlocked = await api.call('POST', `/v1/users/${userId}/unlock`, { token });
    expect(unlocked).toMatchObject({ status: 200, body: { lockedUntil: null, version: 3 } });
    const outcome = await signIn.signIn(
      username,
      PASSWORD,
      api.writer.app.appId,
      meta,
      api.t.clock.now(),
    );
    expect(outcome.ok).toBe(true);
    await eventually(() =>
      expect(api.topic.eventsOf(userId).map((e) => e.type)).toEqual([
        'UserCreated',
        ...Array<string>(5).fill('UserSignInFailed'),
        'UserLockedOut',
        'UserUnlocked',
        'UserSignedIn',
      ]),
    );
  });
});
