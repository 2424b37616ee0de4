/** Injection tokens shared across the platform module and the services. */
export const ROOT_LOGGER = Symbol('ROOT_LOGGER');
export const SERVICE_CONFIG = Symbol('SERVICE_CONFIG');
export const KAFKA_CLIENT = Symbol('KAFKA_CLIENT');
export const MONGO_CONNECTION = Symbol('MONGO_CONNECTION');
export const SERVICE_NAME = Symbol('SERVICE_NAME');
