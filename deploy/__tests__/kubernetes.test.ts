import { SUPERGRAPH_PATH } from '@samen-sterk/subgraph-runtime';
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import {
  filesUnder,
  GATEWAY,
  KUSTOMIZE_BASE,
  kustomization,
  manifests,
  named,
  nonRoot,
  ofKind,
  read,
  ROOT,
  serviceCalls,
  SUBGRAPHS,
  type Container,
  type Manifest,
  type Peer,
} from './deploy-files';

// The kustomize base (deploy/kubernetes/base) and its production overlay, read as YAML: every
// registered subgraph has its objects, every container its probes, limits and non-root
// settings, and the NetworkPolicies let in exactly who must come in.

const all = manifests();
const workloads = [...ofKind(all, 'Deployment'), ...ofKind(all, 'StatefulSet'), ...ofKind(all, 'Job')];
const containersOf = (m: Manifest): Container[] => m.spec?.template?.spec.containers ?? [];
const STATELESS = ['gateway', 'portal', ...SUBGRAPHS.map((s) => s.name)];

test('the kustomization names every manifest file of the base, and only existing ones', () => {
  const listed = kustomization().resources.sort();
  const present = filesUnder(KUSTOMIZE_BASE)
    .map((file) => path.relative(KUSTOMIZE_BASE, file).split(path.sep).join('/'))
    .filter((file) => /\.ya?ml$/.test(file) && file !== 'kustomization.yaml')
    .sort();
  expect(listed).toEqual(present);
});

describe.each(SUBGRAPHS)('$name', ({ name, port, prefix }) => {
  test('has a Deployment, a Service on its port and an autoscaler', () => {
    const deployment = named(all, 'Deployment', name);
    expect(deployment).toBeDefined();
    const [container] = containersOf(deployment!);
    expect(container!.image).toBe(`samen-sterk/${name}`);
    expect(container!.ports).toEqual([{ name: 'http', containerPort: port }]);
    expect(named(all, 'Service', name)?.spec?.ports).toEqual([{ name: 'http', port, targetPort: 'http' }]);
    expect(named(all, 'HorizontalPodAutoscaler', name)?.spec?.scaleTargetRef).toMatchObject({
      kind: 'Deployment',
      name,
    });
  });

  test('has a migration Job running the same image, on the same database', () => {
    const job = named(all, 'Job', `${name}-migrate`);
    expect(job).toBeDefined();
    const [container] = containersOf(job!);
    expect(container!.image).toBe(`samen-sterk/${name}`);
    expect(container!.args).toEqual(['migrate']);
    const url = (c: Container) => c.env?.find((e) => e.name === `${prefix}_DATABASE_URL`)?.valueFrom;
    expect(url(container!)).toEqual({ secretKeyRef: { name: `${name}-database`, key: 'url' } });
    expect(url(containersOf(named(all, 'Deployment', name)!)[0]!)).toEqual(url(container!));
    expect(container!.env).toContainEqual({ name: 'NODE_ENV', value: 'production' });
  });

  test('has its own database and its Secret', () => {
    expect(named(all, 'StatefulSet', `${name}-db`)).toBeDefined();
    expect(named(all, 'Service', `${name}-db`)?.spec?.ports?.[0]?.port).toBe(5432);
    expect(named(all, 'Secret', `${name}-database`)).toBeDefined();
  });

  test('is ready on /readyz (its database answers) and alive on /healthz', () => {
    const [container] = containersOf(named(all, 'Deployment', name)!);
    expect(container!.readinessProbe?.httpGet?.path).toBe('/readyz');
    expect(container!.livenessProbe?.httpGet?.path).toBe('/healthz');
  });
});

test('the gateway and the portal have a Deployment, a Service and an autoscaler', () => {
  for (const [name, port] of [
    [GATEWAY.name, GATEWAY.port],
    ['portal', 8080],
  ] as const) {
    expect(containersOf(named(all, 'Deployment', name)!)[0]!.ports).toEqual([{ name: 'http', containerPort: port }]);
    expect(named(all, 'Service', name)?.spec?.ports?.[0]?.port).toBe(port);
    expect(named(all, 'HorizontalPodAutoscaler', name)).toBeDefined();
  }
});

test('every stateless service, and only those, scales horizontally', () => {
  const scaled = ofKind(all, 'HorizontalPodAutoscaler').map((h) => h.spec!.scaleTargetRef!);
  expect(scaled.every((target) => target.kind === 'Deployment')).toBe(true);
  expect(scaled.map((target) => target.name).sort()).toEqual([...STATELESS].sort());
  expect(
    ofKind(all, 'Deployment')
      .map((d) => d.metadata.name)
      .sort(),
  ).toEqual([...STATELESS].sort());
  for (const hpa of ofKind(all, 'HorizontalPodAutoscaler')) {
    expect(hpa.spec!.minReplicas).toBeGreaterThanOrEqual(2);
    expect(hpa.spec!.maxReplicas).toBeGreaterThan(hpa.spec!.minReplicas!);
  }
});

describe.each(workloads.map((w) => [`${w.kind} ${w.metadata.name}`, w] as const))('%s', (_label, workload) => {
  test('every container has resource requests and limits (CPU and memory)', () => {
    for (const container of containersOf(workload)) {
      expect(Object.keys(container.resources?.requests ?? {}).sort()).toEqual(['cpu', 'memory']);
      expect(Object.keys(container.resources?.limits ?? {}).sort()).toEqual(['cpu', 'memory']);
    }
  });

  test('runs as a non-root user on a read-only root file system, without privileges', () => {
    const pod = workload.spec!.template!.spec;
    expect(pod.securityContext?.runAsNonRoot).toBe(true);
    expect(nonRoot(String(pod.securityContext?.runAsUser))).toBe(true);
    for (const container of containersOf(workload)) {
      expect(container.securityContext).toMatchObject({
        readOnlyRootFilesystem: true,
        allowPrivilegeEscalation: false,
        capabilities: { drop: ['ALL'] },
      });
    }
  });

  if (workload.kind !== 'Job') {
    test('every container has a readiness and a liveness probe', () => {
      for (const container of containersOf(workload)) {
        expect(container.readinessProbe).toBeDefined();
        expect(container.livenessProbe).toBeDefined();
      }
    });
  }
});

test('the Node services run in production mode, listening on every interface', () => {
  const config = named(all, 'ConfigMap', 'platform-config')!;
  expect(config.data).toMatchObject({ NODE_ENV: 'production', HOST: '0.0.0.0' });
  for (const { name } of [GATEWAY, ...SUBGRAPHS]) {
    const [container] = containersOf(named(all, 'Deployment', name)!);
    expect(container!.envFrom).toContainEqual({ configMapRef: { name: 'platform-config' } });
  }
  for (const { name, port, prefix } of SUBGRAPHS) {
    expect(config.data?.[`${prefix}_URL`]).toBe(`http://${name}:${port}/graphql`);
  }
});

describe('the supergraph ConfigMap', () => {
  test('is the committed supergraph (pnpm supergraph:sync copies it)', () => {
    const copy = read(`${KUSTOMIZE_BASE}/supergraph.graphql`);
    expect(copy === fs.readFileSync(SUPERGRAPH_PATH, 'utf8')).toBe(true);
    expect(kustomization().configMapGenerator).toContainEqual({ name: 'supergraph', files: ['supergraph.graphql'] });
  });

  test('is mounted where the gateway reads its supergraph', () => {
    const gateway = named(all, 'Deployment', 'gateway')!;
    const volume = gateway.spec!.template!.spec.volumes!.find((v) => v.configMap?.name === 'supergraph')!;
    const [container] = containersOf(gateway);
    const mount = container!.volumeMounts!.find((m) => m.name === volume.name)!;
    // The image holds the workspace in /app; the gateway reads SUPERGRAPH_PATH in it.
    expect(mount.mountPath).toBe(
      path.posix.join('/app', path.relative(ROOT, SUPERGRAPH_PATH).split(path.sep).join('/')),
    );
    expect(mount.subPath).toBe('supergraph.graphql');
  });
});

describe('NetworkPolicies', () => {
  const policies = ofKind(all, 'NetworkPolicy');
  const podLabels = (name: string) =>
    [...ofKind(all, 'Deployment'), ...ofKind(all, 'StatefulSet'), ...ofKind(all, 'Job')].find(
      (w) => w.metadata.name === name,
    )!.spec!.template!.metadata!.labels!;
  const selects = (policy: Manifest, labels: Record<string, string>) =>
    Object.entries(policy.spec!.podSelector?.matchLabels ?? {}).every(([k, v]) => labels[k] === v);
  const describePeer = (peer: Peer) => {
    const pod = peer.podSelector?.matchLabels?.['app.kubernetes.io/name'] ?? '(any pod)';
    if (peer.ipBlock) return 'ip block';
    const namespace = peer.namespaceSelector?.matchLabels?.['kubernetes.io/metadata.name'];
    return namespace ? `${namespace}/${pod}` : pod;
  };
  /** Who may reach a workload's pods, and on which ports: the union of the policies selecting them. */
  const admitted = (name: string) => {
    const labels = podLabels(name);
    return policies
      .filter((policy) => selects(policy, labels) && policy.spec!.policyTypes?.includes('Ingress'))
      .flatMap((policy) =>
        (policy.spec!.ingress ?? []).flatMap((rule) =>
          (rule.from ?? [{}]).map((peer) => ({
            from: rule.from ? describePeer(peer) : 'anyone',
            ports: (rule.ports ?? []).map((p) => p.port),
          })),
        ),
      );
  };

  test('refuse everything not let in', () => {
    const denyAll = policies.find(
      (p) => Object.keys(p.spec!.podSelector ?? {}).length === 0 || !p.spec!.podSelector?.matchLabels,
    );
    expect(denyAll?.spec).toEqual({ podSelector: {}, policyTypes: ['Ingress'] });
  });

  test.each(SUBGRAPHS)(
    '$name is reached by the gateway, the subgraphs that call it, and Prometheus only',
    ({ name, port }) => {
      const callers = serviceCalls()
        .filter((call) => call.callee === name)
        .map((call) => call.caller);
      const expected = ['gateway', ...callers, 'monitoring/prometheus'].sort();
      const rules = admitted(name);
      expect(rules.map((r) => r.from).sort()).toEqual(expected);
      for (const rule of rules) expect(rule.ports).toEqual([port]);
    },
  );

  test('hr-payroll is let through to the CAO subgraph, which it asks for wages', () => {
    expect(admitted('cao').map((r) => r.from)).toContain('hr-payroll');
  });

  test.each(SUBGRAPHS)("$name's database is reached by $name and its migration only", ({ name }) => {
    const rules = admitted(`${name}-db`);
    expect(rules.map((r) => r.from).sort()).toEqual([name, `${name}-migrate`].sort());
    for (const rule of rules) expect(rule.ports).toEqual([5432]);
  });

  test('the gateway and the portal are open to all, on their port', () => {
    expect(admitted('gateway')).toEqual([{ from: 'anyone', ports: [4000] }]);
    expect(admitted('portal')).toEqual([{ from: 'anyone', ports: [8080] }]);
  });
});

test('Secrets hold placeholders only', () => {
  const secrets = ofKind(all, 'Secret');
  expect(secrets.length).toBeGreaterThan(0);
  for (const secret of secrets) {
    expect(secret.data).toBeUndefined();
    for (const value of Object.values(secret.stringData ?? {})) expect(value).toContain('REPLACE_ME');
  }
});

test('the production overlay names an image for every image of the base, and leaves the placeholder Secrets out', () => {
  const overlay = YAML.parse(read('deploy/kubernetes/overlays/production/kustomization.yaml'));
  const images = new Set(workloads.flatMap(containersOf).map((c) => c.image));
  const named = new Set((overlay.images as { name: string }[]).map((i) => i.name));
  for (const image of images) if (image.startsWith('samen-sterk/')) expect(named).toContain(image);
  expect(overlay.resources).toContain('../../base');
  expect(overlay.namespace).toBeTruthy();
  expect(JSON.stringify(overlay.patches)).toContain('$patch: delete');
});
