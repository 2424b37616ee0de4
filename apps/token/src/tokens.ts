/** Injection tokens of the token service's own ports. */
export const CLOCK = Symbol('CLOCK');
export const RESOURCE_CATALOG = Symbol('RESOURCE_CATALOG');
