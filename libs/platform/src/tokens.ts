/** Injection tokens shared across the platform module and the services; MESSAGE_BUS is messaging's. */
export const ROOT_LOGGER = Symbol('ROOT_LOGGER');
export const SERVICE_CONFIG = Symbol('SERVICE_CONFIG');
export const MONGO_CONNECTION = Symbol('MONGO_CONNECTION');
export const SERVICE_NAME = Symbol('SERVICE_NAME');
/** The FastLane of the service's HTTP server, for routes answered before Fastify and Nest. */
export const FAST_LANE = Symbol('FAST_LANE');
