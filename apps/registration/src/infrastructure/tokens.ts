/** Injection tokens of the registration service's own ports. */
export const EVENT_STORE = Symbol('EVENT_STORE');
export const APP_SNAPSHOTS = Symbol('APP_SNAPSHOTS');
export const CLOCK = Symbol('CLOCK');
export const RESOURCE_CATALOG = Symbol('RESOURCE_CATALOG');
