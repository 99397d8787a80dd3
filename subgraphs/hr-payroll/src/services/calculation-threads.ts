import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { build } from 'esbuild';
import { calculatePayslipPage, type CalculatedPage, type PageToCalculate } from './calculate-all';

/**
 * Where a run's pages are calculated: in worker threads, so that the calculation of one page runs
 * while this thread reads the next and the database stores the last. A small page is calculated
 * here (a thread's start costs more than it saves). Threads start with the first large run, stay
 * for the next and end after a minute without work; one that fails fails only its page's run.
 *
 * `HR_PAYROLL_CALCULATION_THREADS`: how many (default: one a core, at most 4; 0: all in this thread).
 */

/** Employments a page must have to go to a worker thread. */
const SMALLEST_PAGE_FOR_A_THREAD = 200;
const IDLE_MS = 60_000;
const YOUNG_GENERATION_MB = 16;

export function calculationThreads(): number {
  const wanted = process.env.HR_PAYROLL_CALCULATION_THREADS;
  if (wanted !== undefined && wanted !== '') {
    const count = Number(wanted);
    if (!Number.isInteger(count) || count < 0 || count > 64) {
      throw new Error(`HR_PAYROLL_CALCULATION_THREADS must be a whole number from 0 to 64, not "${wanted}".`);
    }
    return count;
  }
  return Math.min(4, os.availableParallelism());
}

interface Job {
  resolve: (result: CalculatedPage) => void;
  reject: (error: Error) => void;
}

interface Thread {
  worker: Worker;
  jobs: Map<number, Job>;
  idle: NodeJS.Timeout | null;
}

const threads: Thread[] = [];
let nextJob = 0;
let nextThread = 0;

/**
 * The worker's code: its module with everything it imports in one file (esbuild), built once per
 * process. One file loads faster than the TypeScript sources one by one, and the rules run about
 * a tenth faster in it than as separate modules (their imports are plain calls, not the getters
 * that modules compiled apart go through).
 */
let workerCode: Promise<string> | null = null;
function bundledWorker(): Promise<string> {
  workerCode ??= build({
    entryPoints: [path.join(__dirname, `calculation-worker${path.extname(__filename)}`)],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    // Not keepNames: its __name(…) around every function expression ran for each closure a
    // calculation makes (the steps' `explain`), 7–13 % of a thread's CPU. Without minifying,
    // functions keep their names anyway; only a clash between modules shows as `add2` in a stack.
    keepNames: false,
    write: false,
    logLevel: 'silent',
  }).then((result) => result.outputFiles[0]!.text);
  return workerCode;
}

function startThread(code: string): Thread {
  // A page's garbage fits a small young generation (set here, so that a larger one given to the
  // service with --max-semi-space-size would not cost memory in every thread).
  const worker = new Worker(code, { eval: true, resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } });
  const thread: Thread = { worker, jobs: new Map(), idle: null };
  const fail = (error: Error) => {
    threads.splice(threads.indexOf(thread), 1);
    for (const job of thread.jobs.values()) job.reject(error);
    thread.jobs.clear();
  };
  thread.worker.on(
    'message',
    (message: { job: number; result?: CalculatedPage; error?: { message: string; stack?: string } }) => {
      const job = thread.jobs.get(message.job);
      if (!job) return;
      thread.jobs.delete(message.job);
      if (message.error) {
        const error = new Error(`A payroll calculation thread failed: ${message.error.message}`);
        error.stack = message.error.stack ?? error.stack;
        job.reject(error);
      } else {
        const result = message.result!;
        job.resolve(result); // COPY's bytes arrive as a Uint8Array over the moved memory
      }
      if (thread.jobs.size === 0) {
        thread.idle = setTimeout(() => void stopThread(thread), IDLE_MS).unref();
      }
    },
  );
  thread.worker.on('error', fail);
  thread.worker.on('exit', (code) => {
    if (threads.includes(thread)) fail(new Error(`A payroll calculation thread stopped (exit code ${code}).`));
  });
  thread.worker.unref();
  threads.push(thread);
  return thread;
}

async function stopThread(thread: Thread) {
  const at = threads.indexOf(thread);
  if (at < 0 || thread.jobs.size > 0) return;
  threads.splice(at, 1);
  await thread.worker.terminate();
}

/** Ends the calculation threads (a service's stop; they also end by themselves when idle). */
export async function stopCalculationThreads() {
  await Promise.all([...threads].map((thread) => stopThread(thread)));
}

/**
 * Starts the threads a run's pages of `pageSize` employments will be sent to, so that they load
 * while the run's first pass reads (a thread takes a moment to start). Nothing when such pages stay
 * in this thread or the threads run already.
 */
export function warmCalculationThreads(pageSize: number) {
  const wanted = calculationThreads();
  if (pageSize < SMALLEST_PAGE_FOR_A_THREAD || threads.length >= wanted) return;
  bundledWorker().then(
    (code) => {
      while (threads.length < wanted) {
        const thread = startThread(code);
        thread.idle = setTimeout(() => void stopThread(thread), IDLE_MS).unref();
      }
    },
    () => {}, // the page's calculation meets the failure again, and says so
  );
}

/** Calculates a page of a run's payslips (calculate-all.ts), in a worker thread when it is large enough. */
export async function calculatePayslips(page: PageToCalculate): Promise<CalculatedPage> {
  const wanted = calculationThreads();
  if (wanted === 0 || page.inputs.length < SMALLEST_PAGE_FOR_A_THREAD) return calculatePayslipPage(page);
  const code = await bundledWorker().catch((error: unknown) => {
    // Slower but whole: the page in this thread; the service's warnings say why.
    process.emitWarning(
      `Payroll calculation threads unavailable, calculating in the service's thread: ${String(error)}`,
    );
    return null;
  });
  if (code === null) return calculatePayslipPage(page);
  // The thread with the least work, a new one while fewer than wanted run.
  let thread = threads.find((t) => t.jobs.size === 0);
  if (!thread) thread = threads.length < wanted ? startThread(code) : threads[nextThread++ % threads.length]!;
  if (thread.idle) clearTimeout(thread.idle);
  thread.idle = null;
  const job = nextJob++;
  const { worker, jobs } = thread;
  return new Promise<CalculatedPage>((resolve, reject) => {
    jobs.set(job, { resolve, reject });
    worker.postMessage({ job, page });
  });
}
