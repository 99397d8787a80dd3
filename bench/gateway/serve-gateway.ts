// A child of `bench/gateway/run.ts`: one gateway over the subgraphs the parent started.
//   ours       our gateway (gateway/src/gateway.ts), as in production (NODE_ENV=production)
//   ours-traced  the same with OpenTelemetry tracing every request, exported over OTLP (the
//              parent passes OTEL_EXPORTER_OTLP_ENDPOINT: a sink that counts what arrives)
//   hive       Hive Gateway (@graphql-hive/gateway-runtime) with its defaults
//   hive-rust  the same with its Rust query planner (@graphql-hive/router-runtime)
// Every one forwards the caller's Authorization header and adds the gateway secret, which the
// subgraphs require of every request. Hive is set up as the integration tests run it
// (`@samen-sterk/platform/hive`), without our request limits: the published figures are of
// Hive with its defaults.
import fs from 'node:fs';
import path from 'node:path';
import { serveChild } from './child';

const kind = process.argv[2];
const urls = JSON.parse(process.env.BENCH_SUBGRAPH_URLS ?? '{}') as Record<string, string>;
const committedSupergraph = fs.readFileSync(path.join(__dirname, '../../schema/supergraph.graphql'), 'utf8');
const secret = process.env.GATEWAY_SECRET!;

async function ours() {
  const { startGateway } = await import('@samen-sterk/gateway');
  const { supergraphAt } = await import('@samen-sterk/platform/hive');
  const gateway = await startGateway({ supergraphSdl: supergraphAt(committedSupergraph, urls), port: 0 });
  return { url: gateway.url };
}

async function hive(rust: boolean) {
  const { startHiveGateway } = await import('@samen-sterk/platform/hive');
  const gateway = await startHiveGateway({
    supergraphSdl: committedSupergraph,
    subgraphUrls: urls,
    planner: rust ? 'rust' : 'js',
    gatewaySecret: secret,
    limits: false,
  });
  return { url: gateway.url };
}

async function oursTraced() {
  const { startTracing } = await import('@samen-sterk/subgraph-runtime');
  if (!startTracing({ serviceName: 'gateway' })) throw new Error('ours-traced needs OTEL_EXPORTER_OTLP_ENDPOINT');
  return ours();
}

serveChild(() => {
  if (kind === 'ours') return ours();
  if (kind === 'ours-traced') return oursTraced();
  if (kind === 'hive') return hive(false);
  if (kind === 'hive-rust') return hive(true);
  throw new Error(`Unknown gateway "${kind}": ours, ours-traced, hive or hive-rust.`);
});
