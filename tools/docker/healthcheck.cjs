// Container healthcheck for the service images (slim images have no curl or wget).
// Healthy means ready: the service answers /health/ready with 2xx only when its Kafka and MongoDB
// are reachable, so `depends_on: condition: service_healthy` waits for a service that can work.
'use strict';

const port = process.env.PORT;
const timeoutMs = Number(process.env.HEALTHCHECK_TIMEOUT_MS || 2000);

if (!port) {
  console.error('healthcheck: PORT is not set');
  process.exit(1);
}

fetch(`http://127.0.0.1:${port}/health/ready`, {
  signal: AbortSignal.timeout(timeoutMs),
})
  .then((response) => process.exit(response.ok ? 0 : 1))
  .catch((error) => {
    // fetch hides the socket error (ECONNREFUSED, ...) in `cause`: that is the useful part.
    const cause =
      error.cause && error.cause.code ? ` (${error.cause.code})` : '';
    console.error(`healthcheck: ${error.name}: ${error.message}${cause}`);
    process.exit(1);
  });
