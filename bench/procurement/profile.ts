// With BENCH_CPU_PROFILE=<folder>, a phase of the benchmark is profiled (node:inspector, in this
// process: the gateway, the subgraphs and PGlite all run here), written as a .cpuprofile (open it
// in Chrome's DevTools) and summarised: the share of CPU samples per package.
import fs from 'node:fs';
import { Session } from 'node:inspector/promises';
import path from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Where a function lives: a package, a workspace folder, Node itself, or PGlite's WebAssembly. */
function placeOf(url: string) {
  if (!url) return '(native, GC, idle)';
  const pnpm = url.match(/node_modules\/\.pnpm\/(@?[^@/]+(?:\+[^@/]+)?)/);
  if (pnpm) return pnpm[1]!.replace('+', '/');
  if (url.startsWith('node:')) return 'node';
  if (url.startsWith('wasm://')) return 'WebAssembly';
  const workspace = url.match(/\/(gateway|platform|bench|subgraphs\/[^/]+)\//);
  return workspace ? workspace[1]! : url;
}

/** The share of samples per place, largest first. */
export function summarise(profile: Profile, top = 12) {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const places = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const dt = profile.timeDeltas[i + 1] ?? 0;
    const place = placeOf(nodes.get(id)!.callFrame.url);
    places.set(place, (places.get(place) ?? 0) + dt);
    total += dt;
  });
  return [...places]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([place, us]) => `${place} ${((100 * us) / total).toFixed(1)}%`);
}

/** Runs `fn`, profiled when BENCH_CPU_PROFILE names a folder; prints the summary. */
export async function profiled<T>(phase: string, fn: () => Promise<T>): Promise<T> {
  const folder = process.env.BENCH_CPU_PROFILE;
  if (!folder) return fn();
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  try {
    return await fn();
  } finally {
    const { profile } = (await session.post('Profiler.stop')) as unknown as { profile: Profile };
    session.disconnect();
    fs.mkdirSync(folder, { recursive: true });
    const file = path.join(folder, `procurement-${phase}-${Date.now()}.cpuprofile`);
    fs.writeFileSync(file, JSON.stringify(profile));
    console.log(`  CPU profile of ${phase} (${file}): ${summarise(profile).join(', ')}`);
  }
}
