import { clearJestInfraState, jestInfraState } from './global-setup';

/** Stops the servers only in the jest process whose setup started them. */
export default async function globalTeardown(): Promise<void> {
  const state = jestInfraState();
  if (!state) return;
  clearJestInfraState();
  state.uninstallHandlers();
  await state.infra.stop();
}
