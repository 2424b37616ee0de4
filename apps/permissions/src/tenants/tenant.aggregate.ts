import { Aggregate } from '../infrastructure/aggregate-repository';
import {
  decodeTenant,
  encodeTenant,
  evolveTenant,
  foldTenant,
  initialTenantState,
  TenantState,
} from './tenant.state';

/** The tenant aggregate for the shared repository: stream id = tenant id. */
export const tenantAggregate: Aggregate<TenantState> = {
  name: 'tenant',
  initialState: initialTenantState,
  evolve: evolveTenant,
  fold: foldTenant,
  // 1: folders as parallel arrays of ids, names and parent ids.
  snapshot: { schemaVersion: 1, encode: encodeTenant, decode: decodeTenant },
};
