import { InMemorySignInGuards, InMemoryUserStore } from './testing/in-memory-users';
import { describeUserStoreContract } from './testing/user-store.contract';

describeUserStoreContract('in memory', () =>
  Promise.resolve({ users: new InMemoryUserStore(), guards: new InMemorySignInGuards() }),
);
