/**
 * What the benchmark's child processes share: each tells the parent its URL when ready and its
 * CPU time when asked, over Node's IPC channel, so a gateway's CPU is measured in its own process.
 */
export type ChildMessage =
  | { kind: 'ready'; url: string; urls?: Record<string, string> }
  | { kind: 'cpu'; micros: number }
  | { kind: 'failed'; error: string };

export function serveChild(start: () => Promise<{ url: string; urls?: Record<string, string> }>) {
  const send = (message: ChildMessage) => process.send?.(message);
  process.on('message', (message: unknown) => {
    if (message === 'cpu') {
      const usage = process.cpuUsage();
      send({ kind: 'cpu', micros: usage.user + usage.system });
    }
  });
  // The parent going away ends us too: no gateway is left listening after a benchmark.
  process.on('disconnect', () => process.exit(0));
  start().then(
    (ready) => send({ kind: 'ready', ...ready }),
    (error: unknown) => {
      send({ kind: 'failed', error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
      process.exit(1);
    },
  );
}
