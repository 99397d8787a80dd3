import { context, propagation, trace, type Context } from '@opentelemetry/api';
import { getBooleanFromEnv } from '@opentelemetry/core';
import { OTLPTraceExporter as OtlpJsonExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { OTLPTraceExporter as OtlpProtobufExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { UndiciInstrumentation } from '@opentelemetry/instrumentation-undici';
import { NodeSDK } from '@opentelemetry/sdk-node';
import {
  BatchSpanProcessor,
  ConsoleSpanExporter,
  SimpleSpanProcessor,
  type ReadableSpan,
  type Span,
  type SpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import { PrismaInstrumentation } from '@prisma/instrumentation';
import { logEvent } from './logger';
import { currentRequest } from './request-context';
import { SERVICE_ATTRIBUTE } from './service-attribute';

/**
 * OpenTelemetry traces, set up from the standard variables: `OTEL_TRACES_EXPORTER` (`otlp`,
 * `console`, `none`), `OTEL_EXPORTER_OTLP_(TRACES_)ENDPOINT`, `OTEL_EXPORTER_OTLP_PROTOCOL`
 * (`http/protobuf`, the default, or `http/json`), `OTEL_SERVICE_NAME`, `OTEL_RESOURCE_ATTRIBUTES`,
 * `OTEL_SDK_DISABLED`, `OTEL_TRACES_SAMPLER`(`_ARG`). Nothing configured means no tracing at all,
 * so `pnpm start` and the tests never try to reach a collector.
 *
 * Spans: HTTP in and out (W3C `traceparent` added to every outgoing request, `fetch` included),
 * one per GraphQL request (`graphql-plugin.ts`), and Prisma's (operations and SQL statements).
 */

/**
 * Names the service on each span from the request being served, or from its parent in this
 * process. A span's resource names the process, which may hold every service.
 */
class ServiceAttributeProcessor implements SpanProcessor {
  onStart(span: Span, parent: Context): void {
    const service =
      currentRequest()?.service ??
      (trace.getSpan(parent) as Partial<ReadableSpan> | undefined)?.attributes?.[SERVICE_ATTRIBUTE];
    if (typeof service === 'string') span.setAttribute(SERVICE_ATTRIBUTE, service);
  }
  onEnd(): void {}
  async forceFlush(): Promise<void> {}
  async shutdown(): Promise<void> {}
}

function exporterProcessors(): SpanProcessor[] {
  if (getBooleanFromEnv('OTEL_SDK_DISABLED')) return [];
  const named = (process.env.OTEL_TRACES_EXPORTER ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  const endpoint = process.env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT || process.env.OTEL_EXPORTER_OTLP_ENDPOINT;
  // An endpoint alone means OTLP; the SDK's own default (OTLP to localhost) would export to
  // nowhere on every developer's machine.
  const exporters = named.length ? named : endpoint ? ['otlp'] : [];
  return exporters.flatMap((name): SpanProcessor[] => {
    if (name === 'none') return [];
    if (name === 'console') return [new SimpleSpanProcessor(new ConsoleSpanExporter())];
    if (name === 'otlp') {
      const protocol =
        process.env.OTEL_EXPORTER_OTLP_TRACES_PROTOCOL || process.env.OTEL_EXPORTER_OTLP_PROTOCOL || 'http/protobuf';
      return [new BatchSpanProcessor(protocol === 'http/json' ? new OtlpJsonExporter() : new OtlpProtobufExporter())];
    }
    throw new Error(`OTEL_TRACES_EXPORTER=${name} is not supported here: use otlp, console or none.`);
  });
}

let sdk: NodeSDK | undefined;
let instrumentations: { disable(): void }[] = [];

/**
 * An instrumentation patches a module when it is next required (a hook on `require`). Node's
 * HTTP modules are loaded long before (by Express), so they are required once more here, which
 * patches them in place: the module's `request`/`get` and its `Server.prototype.emit`, reaching
 * servers and clients made before. Under Jest that hook never fires (Jest gives modules its own
 * `module`), so when the modules are still unpatched they are patched by hand, the same way.
 */
function patchLoadedHttpModules(instrumentation: HttpInstrumentation): void {
  for (const definition of instrumentation.getModuleDefinitions()) {
    const exports = require(definition.name) as { Server: { prototype: { emit: { __wrapped?: boolean } } } };
    if (exports.Server.prototype.emit.__wrapped) continue;
    definition.moduleExports = exports;
    definition.patch?.(exports, process.versions.node);
  }
}

export interface TracingOptions {
  /** The process's service name when OTEL_SERVICE_NAME is not set. */
  serviceName: string;
  /** Where spans go instead of the exporters the environment names (tests). */
  spanProcessors?: SpanProcessor[];
}

/**
 * Starts tracing for this process, once, if configured; whether it runs. Call it before the
 * services start, so their HTTP servers and clients are instrumented.
 */
export function startTracing(options: TracingOptions): boolean {
  if (sdk) return true;
  const processors = options.spanProcessors ?? exporterProcessors();
  if (processors.length === 0) return false;
  const http = new HttpInstrumentation({
    // Probes and scrapes every few seconds would drown the traces that matter.
    ignoreIncomingRequestHook: (req) => /^\/(healthz|readyz|metrics)\b/.test(req.url ?? ''),
  });
  const all = [http, new UndiciInstrumentation(), new PrismaInstrumentation()];
  instrumentations = all;
  sdk = new NodeSDK({
    serviceName: process.env.OTEL_SERVICE_NAME || options.serviceName,
    spanProcessors: [new ServiceAttributeProcessor(), ...processors],
    instrumentations: all,
  });
  sdk.start();
  patchLoadedHttpModules(http);
  logEvent('info', 'tracing started', { service: options.serviceName });
  return true;
}

/** Sends the spans still buffered and stops tracing (on shutdown; between tests). */
export async function stopTracing(): Promise<void> {
  const running = sdk;
  sdk = undefined;
  // Unpatched too: a later start (the next test file in the same process) patches afresh,
  // rather than finding the modules patched for a provider that is shut down.
  for (const instrumentation of instrumentations) instrumentation.disable();
  instrumentations = [];
  await running?.shutdown();
  context.disable();
  propagation.disable();
  trace.disable();
}
