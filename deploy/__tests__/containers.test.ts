import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import {
  compose,
  DOCKERFILES,
  dockerfile,
  finalStage,
  GATEWAY,
  nonRoot,
  read,
  ROOT,
  SERVICE_DOCKERFILE,
  serviceCalls,
  SUBGRAPHS,
  type ComposeService,
} from './deploy-files';

// The container images and the Compose stack (deploy/compose.yaml), checked by reading them:
// what must hold for every service, and for every subgraph of the registry, so that a new
// subgraph without its image, database, migration one-shot or wiring fails here.

const stack = compose();
const services = Object.entries(stack.services);
const builtFrom = (service: ComposeService) => service.build?.dockerfile;

/** A one-shot: never restarted, and some service waits for it to have ended successfully. */
const oneShot = (name: string) =>
  stack.services[name]!.restart === 'no' &&
  services.some(([, other]) => other.depends_on?.[name]?.condition === 'service_completed_successfully');

describe('Dockerfiles', () => {
  test('there is one for the services, the portal and the collector', () => {
    expect(DOCKERFILES.sort()).toEqual(
      ['deploy/docker/Dockerfile', 'deploy/otel-collector/Dockerfile', 'deploy/portal/Dockerfile'].map((f) =>
        f.split('/').join(path.sep),
      ),
    );
  });

  test.each(DOCKERFILES)('%s: several stages, the last with a non-root USER and a HEALTHCHECK', (file) => {
    const instructions = dockerfile(file);
    expect(instructions.filter((i) => i.keyword === 'FROM').length).toBeGreaterThanOrEqual(2);
    const last = finalStage(instructions);
    const users = last.filter((i) => i.keyword === 'USER');
    expect(users.length).toBeGreaterThan(0);
    expect(nonRoot(users.at(-1)!.args)).toBe(true);
    const health = last.filter((i) => i.keyword === 'HEALTHCHECK');
    expect(health).toHaveLength(1);
    expect(health[0]!.args).not.toMatch(/^NONE/i);
  });

  test('the service image runs in production mode, listening on every interface', () => {
    const env = finalStage(dockerfile(SERVICE_DOCKERFILE))
      .filter((i) => i.keyword === 'ENV')
      .map((i) => i.args)
      .join(' ');
    expect(env).toMatch(/\bNODE_ENV=production\b/);
    expect(env).toMatch(/\bHOST=0\.0\.0\.0\b/);
  });

  test('the service image can be built for the gateway and every registered subgraph', () => {
    // The Dockerfile runs `<dir>/src/main.ts` (deploy/docker/run-service.sh) and refuses a SERVICE without one.
    expect(read(SERVICE_DOCKERFILE)).toContain('subgraphs/$SERVICE/src/main.ts');
    for (const { name } of SUBGRAPHS)
      expect(fs.existsSync(path.join(ROOT, 'subgraphs', name, 'src', 'main.ts'))).toBe(true);
    expect(fs.existsSync(path.join(ROOT, 'gateway', 'src', 'main.ts'))).toBe(true);
    expect(read('deploy/docker/run-service.sh')).toMatch(/gateway\) dir=gateway/);
  });

  test('.dockerignore keeps dependencies, local data and secrets out of the build context', () => {
    const ignored = read('.dockerignore').split('\n');
    for (const entry of ['**/node_modules', '.data', '.git', 'deploy/secrets']) expect(ignored).toContain(entry);
  });
});

describe('Compose', () => {
  test.each(services)('%s has a health check, or is a one-shot judged by its exit status', (name, service) => {
    if (oneShot(name)) return;
    expect(service.healthcheck?.disable).not.toBe(true);
    expect(service.healthcheck?.test?.length).toBeGreaterThan(0);
  });

  test.each(services)('%s runs as a non-root user', (name, service) => {
    expect(nonRoot(service.user)).toBe(true);
  });

  test('only the gateway and the portal publish ports', () => {
    const publishing = services.filter(([, service]) => service.ports?.length).map(([name]) => name);
    expect(publishing.sort()).toEqual(['gateway', 'portal']);
  });

  test('the gateway and every subgraph run the service image in production mode', () => {
    for (const { name, port } of [GATEWAY, ...SUBGRAPHS]) {
      const service = stack.services[name];
      expect(service).toBeDefined();
      expect(builtFrom(service!)).toBe(SERVICE_DOCKERFILE);
      expect(service!.build?.args).toEqual({ SERVICE: name, SERVICE_PORT: String(port) });
      expect(service!.environment).toMatchObject({ NODE_ENV: 'production', HOST: '0.0.0.0' });
    }
  });

  test.each(SUBGRAPHS)('$name has its database and a migration one-shot it waits for', ({ name, prefix }) => {
    const subgraph = stack.services[name]!;
    const migrate = stack.services[`${name}-migrate`];
    const database = stack.services[`${name}-db`];
    expect(migrate).toBeDefined();
    expect(database).toBeDefined();
    expect(migrate!.build).toEqual(subgraph.build);
    expect(migrate!.command).toEqual(['migrate']);
    expect(migrate!.environment).toMatchObject({ NODE_ENV: 'production' });
    expect(subgraph.depends_on?.[`${name}-migrate`]).toEqual({ condition: 'service_completed_successfully' });
    expect(migrate!.depends_on?.[`${name}-db`]).toEqual({ condition: 'service_healthy' });
    expect(database!.image).toMatch(/^postgres:/);
    // The same database URL for the subgraph and its migration, from a secret file.
    const url = `${prefix}_DATABASE_URL_FILE`;
    expect(subgraph.environment?.[url]).toBeDefined();
    expect(migrate!.environment?.[url]).toBe(subgraph.environment?.[url]);
  });

  test.each(SUBGRAPHS)("$name's database is reached by it and its migration only", ({ name }) => {
    const network = `${name}-db`;
    expect(stack.networks[network]?.internal).toBe(true);
    const attached = services.filter(([, service]) => service.networks?.includes(network)).map(([n]) => n);
    expect(attached.sort()).toEqual([name, `${name}-db`, `${name}-migrate`].sort());
    expect(stack.services[`${name}-db`]!.networks).toEqual([network]);
  });

  test('the gateway finds every subgraph and starts after them', () => {
    const gateway = stack.services.gateway!;
    for (const { name, port, prefix } of SUBGRAPHS) {
      expect(gateway.environment?.[`${prefix}_URL`]).toBe(`http://${name}:${port}/graphql`);
      expect(gateway.depends_on?.[name]).toEqual({ condition: 'service_healthy' });
    }
  });

  test('a subgraph that calls another itself is told where it is', () => {
    for (const { caller, callee } of serviceCalls()) {
      const port = SUBGRAPHS.find((s) => s.name === callee)!.port;
      const prefix = SUBGRAPHS.find((s) => s.name === callee)!.prefix;
      expect({ caller, url: stack.services[caller]!.environment?.[`${prefix}_URL`] }).toEqual({
        caller,
        url: `http://${callee}:${port}/graphql`,
      });
    }
  });

  test('secrets come from files, never written into the environment', () => {
    for (const [name, service] of services) {
      for (const [key, value] of Object.entries(service.environment ?? {})) {
        if (/SECRET|PASSWORD|_KEY$|DATABASE_URL$/.test(key)) {
          expect({ service: name, key }).toEqual({ service: name, key: `${key.replace(/_FILE$/, '')}_FILE` });
          expect(value).toMatch(/^\/run\/secrets\//);
        }
      }
    }
    for (const [name, secret] of Object.entries(stack.secrets)) {
      expect(secret.file).toBe(`./secrets/${name}`);
      // deploy/secrets.example/ shows each one's form, as a placeholder.
      expect(read(`deploy/secrets.example/${name}`)).toContain('REPLACE_ME');
    }
    expect(read('.gitignore').split('\n')).toContain('deploy/secrets/');
  });

  test('traces go to the collector, and Prometheus scrapes every service with the gateway secret', () => {
    for (const { name } of [GATEWAY, ...SUBGRAPHS]) {
      expect(stack.services[name]!.environment?.OTEL_EXPORTER_OTLP_ENDPOINT).toBe('http://otel-collector:4318');
    }
    const collector = YAML.parse(read('deploy/otel-collector/config.yaml'));
    expect(collector.receivers.otlp.protocols.http.endpoint).toBe('0.0.0.0:4318');
    expect(collector.service.pipelines.traces.receivers).toEqual(['otlp']);

    const prometheus = YAML.parse(read('deploy/prometheus/prometheus.yml'));
    const [job] = prometheus.scrape_configs;
    expect(job.metrics_path).toBe('/metrics');
    expect(job.authorization).toEqual({ type: 'Bearer', credentials_file: '/run/secrets/gateway_secret' });
    const targets = job.static_configs.flatMap((c: { targets: string[] }) => c.targets);
    expect(targets.sort()).toEqual([GATEWAY, ...SUBGRAPHS].map(({ name, port }) => `${name}:${port}`).sort());
    expect(stack.services.prometheus!.secrets).toContain('gateway_secret');
  });

  test('the portal is told where the gateway is, and the gateway lets the portal call it', () => {
    // `${VARIABLE:-default}`: Compose fills it in from the environment, else the default.
    expect(stack.services.portal!.environment?.PORTAL_GATEWAY_URL).toMatch(/:-http:\/\/localhost:4000\/graphql\}$/);
    expect(stack.services.gateway!.environment?.CORS_ORIGINS).toMatch(/:-http:\/\/localhost:8080\}$/);
  });
});
