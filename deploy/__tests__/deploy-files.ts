import { SUBGRAPH_REGISTRY, envPrefix } from '@samen-sterk/subgraph-runtime';
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';

/**
 * The deployment files as data, for the invariant tests beside this file: nothing here runs
 * Docker, Compose or kubectl (none is on the machines that run the tests); the files are parsed.
 */
export const ROOT = path.resolve(__dirname, '..', '..');
export const DEPLOY = path.join(ROOT, 'deploy');
export const read = (file: string) => fs.readFileSync(path.join(ROOT, file), 'utf8');

/** Every registered subgraph, and the services that are no subgraph. */
export const SUBGRAPHS = SUBGRAPH_REGISTRY.map(({ name, port }) => ({ name, port, prefix: envPrefix(name) }));
export const GATEWAY = { name: 'gateway', port: 4000 };

/** Files under `dir` (relative to the root), recursively, without node_modules. */
export function filesUnder(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : filesUnder(relative);
    return [relative];
  });
}

// ---- Compose -----------------------------------------------------------------------------------

export interface ComposeService {
  image?: string;
  build?: { context?: string; dockerfile?: string; args?: Record<string, string> };
  user?: string;
  restart?: string;
  command?: string[];
  environment?: Record<string, string>;
  ports?: unknown[];
  expose?: unknown[];
  networks?: string[];
  secrets?: string[];
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test?: string[]; disable?: boolean };
  read_only?: boolean;
}
export interface Compose {
  services: Record<string, ComposeService>;
  networks: Record<string, { internal?: boolean } | null>;
  secrets: Record<string, { file: string }>;
}

/** deploy/compose.yaml, with its `<<:` merge keys resolved as Compose resolves them. */
export const compose = (): Compose => YAML.parse(read('deploy/compose.yaml'), { merge: true }) as Compose;

/** The Compose services that run the shared service image (the gateway and the subgraphs). */
export const SERVICE_DOCKERFILE = 'deploy/docker/Dockerfile';

// ---- Dockerfiles -------------------------------------------------------------------------------

export interface Instruction {
  keyword: string;
  args: string;
}

/** A Dockerfile's instructions (continuation lines joined, comments dropped). */
export function dockerfile(file: string): Instruction[] {
  const lines = read(file)
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'));
  return lines.map((line) => {
    const [, keyword = '', args = ''] = /^(\S+)\s*(.*)$/.exec(line) ?? [];
    return { keyword: keyword.toUpperCase(), args };
  });
}

/** The instructions of a Dockerfile's last stage (what the image runs). */
export function finalStage(instructions: Instruction[]): Instruction[] {
  const lastFrom = instructions.map((i) => i.keyword).lastIndexOf('FROM');
  return instructions.slice(lastFrom);
}

export const DOCKERFILES = filesUnder('deploy').filter((file) => path.basename(file) === 'Dockerfile');

/** Is a user (`1000`, `1000:1000`, `node`) anyone but root? */
export const nonRoot = (user: string | undefined): boolean =>
  !!user && !['0', 'root'].includes(user.split(':')[0]!.trim()) && user.trim() !== '';

// ---- Kubernetes --------------------------------------------------------------------------------

export interface Container {
  name: string;
  image: string;
  args?: string[];
  ports?: { name?: string; containerPort: number }[];
  env?: { name: string; value?: string; valueFrom?: unknown }[];
  envFrom?: { configMapRef?: { name: string } }[];
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
  readinessProbe?: Probe;
  livenessProbe?: Probe;
  startupProbe?: Probe;
  securityContext?: {
    readOnlyRootFilesystem?: boolean;
    allowPrivilegeEscalation?: boolean;
    runAsNonRoot?: boolean;
    capabilities?: { drop?: string[] };
  };
  volumeMounts?: { name: string; mountPath: string; subPath?: string }[];
}
export interface Probe {
  httpGet?: { path: string; port: string | number };
  exec?: { command: string[] };
}
export interface PodSpec {
  containers: Container[];
  securityContext?: { runAsNonRoot?: boolean; runAsUser?: number };
  volumes?: { name: string; configMap?: { name: string } }[];
}
export interface Manifest {
  apiVersion: string;
  kind: string;
  metadata: { name: string; labels?: Record<string, string> };
  spec?: {
    template?: { metadata?: { labels?: Record<string, string> }; spec: PodSpec };
    selector?: Record<string, string>;
    ports?: { port: number; targetPort?: string | number }[];
    scaleTargetRef?: { kind: string; name: string };
    minReplicas?: number;
    maxReplicas?: number;
    podSelector?: { matchLabels?: Record<string, string> };
    policyTypes?: string[];
    ingress?: { from?: Peer[]; ports?: { port: number }[] }[];
  };
  data?: Record<string, string>;
  stringData?: Record<string, string>;
}
export interface Peer {
  podSelector?: { matchLabels?: Record<string, string> };
  namespaceSelector?: { matchLabels?: Record<string, string> };
  ipBlock?: unknown;
}

export const KUSTOMIZE_BASE = 'deploy/kubernetes/base';

/** The base's kustomization.yaml. */
export const kustomization = () =>
  YAML.parse(read(`${KUSTOMIZE_BASE}/kustomization.yaml`)) as {
    resources: string[];
    configMapGenerator?: { name: string; files: string[] }[];
  };

/** Every object of the base's resources, in the order kustomize reads them. */
export function manifests(): Manifest[] {
  return kustomization().resources.flatMap((resource) =>
    YAML.parseAllDocuments(read(`${KUSTOMIZE_BASE}/${resource}`))
      .map((document) => document.toJSON() as Manifest | null)
      .filter((manifest): manifest is Manifest => manifest !== null),
  );
}

export const ofKind = (all: Manifest[], kind: string) => all.filter((m) => m.kind === kind);
export const named = (all: Manifest[], kind: string, name: string) =>
  all.find((m) => m.kind === kind && m.metadata.name === name);

// ---- The code ----------------------------------------------------------------------------------

/** TypeScript sources of a folder (tests and generated code aside). */
export function sourcesUnder(dir: string): string[] {
  if (!fs.existsSync(path.join(ROOT, dir))) return [];
  return filesUnder(dir).filter(
    (file) =>
      /\.tsx?$/.test(file) &&
      !file.split(path.sep).some((part) => ['__tests__', '__integration-tests__', 'generated'].includes(part)),
  );
}

/**
 * Which subgraph calls which other one itself (`askService(ctx, '<service>', …)` in its code),
 * as `caller → callee` pairs: what the NetworkPolicies must let through besides the gateway.
 */
export function serviceCalls(): { caller: string; callee: string }[] {
  const calls = new Map<string, { caller: string; callee: string }>();
  for (const { name } of SUBGRAPHS) {
    for (const file of sourcesUnder(`subgraphs/${name}/src`)) {
      for (const match of read(file).matchAll(/askService(?:<.*?>)?\(\s*\w+\s*,\s*'([\w-]+)'/g)) {
        calls.set(`${name}->${match[1]}`, { caller: name, callee: match[1]! });
      }
    }
  }
  return [...calls.values()];
}
