/**
 * The span attribute naming the service that made a span. A trace's resource names the process
 * (OTEL_SERVICE_NAME); when all services share one process (`pnpm start`, the tests) that says
 * nothing about which of them did the work, so every span also carries this attribute.
 */
export const SERVICE_ATTRIBUTE = 'samen_sterk.service';
