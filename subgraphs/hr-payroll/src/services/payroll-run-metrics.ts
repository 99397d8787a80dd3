import { isPlatformError, serviceHistogram } from '@samen-sterk/subgraph-runtime';

/** Seconds: a small member's month takes well under a second, a whole sector's a minute or more. */
const BUCKETS = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300];

const runDuration = () =>
  serviceHistogram('hr-payroll', {
    name: 'payroll_run_duration_seconds',
    help: 'Time to calculate and store a payroll run, by outcome (stored, refused, failed)',
    labelNames: ['outcome'] as const,
    buckets: BUCKETS,
  });

/**
 * Times a payroll run for the metrics: `stored`, `refused` (the caller's mistake: a payslip that
 * cannot be calculated, a run already approved) or `failed` (ours).
 */
export async function timedPayrollRun<T>(run: () => Promise<T>): Promise<T> {
  const stop = runDuration().startTimer();
  try {
    const result = await run();
    stop({ outcome: 'stored' });
    return result;
  } catch (error) {
    const ours = !isPlatformError(error) || error.code === 'INTERNAL_SERVER_ERROR';
    stop({ outcome: ours ? 'failed' : 'refused' });
    throw error;
  }
}
