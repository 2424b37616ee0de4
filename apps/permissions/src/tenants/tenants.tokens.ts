/** The tenant aggregate's AggregateRepository<TenantState>. */
export const TENANT_REPOSITORY = Symbol('TENANT_REPOSITORY');
