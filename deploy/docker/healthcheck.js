// The service images' HEALTHCHECK: GET /healthz on the service's own port (`<NAME>_PORT` when
// set, else the port the image was built for) must answer 200 within a few seconds.
/* global fetch, AbortSignal */
const prefix = (process.env.SERVICE || '').toUpperCase().replace(/[^A-Z0-9]/g, '_');
const port = process.env[`${prefix}_PORT`] || process.env.SERVICE_PORT;

fetch(`http://127.0.0.1:${port}/healthz`, { signal: AbortSignal.timeout(4000) }).then(
  (response) => process.exit(response.ok ? 0 : 1),
  () => process.exit(1),
);
