import { channel } from 'node:diagnostics_channel';

/**
 * How long each phase of a payroll run takes (CAO look-up, calculation, storage), published on
 * a diagnostics channel: bench/payroll-run.ts listens and prints the breakdown. Nothing is
 * measured or kept while nobody listens.
 */
export const PAYROLL_PHASE_CHANNEL = 'samen-sterk:hr-payroll:payroll-run-phase';

export interface PayrollPhaseTiming {
  /**
   * `first-pass` and `second-pass`: the run's two passes over the employments, one after the other.
   * In them: `reading` (employments, history, annual-wage figures, appraisals), `calculation`
   * (from a page sent to be calculated to its rows back) and `storage`, which overlap on
   * PostgreSQL; `storage-wait` is the part of storage the run waited for.
   */
  phase: 'first-pass' | 'second-pass' | 'cao-lookup' | 'reading' | 'calculation' | 'storage' | 'storage-wait';
  milliseconds: number;
  /** Items handled (questions asked, payslips calculated or stored). */
  count: number;
}

const phases = channel(PAYROLL_PHASE_CHANNEL);

export async function timedPhase<T>(
  phase: PayrollPhaseTiming['phase'],
  count: number,
  work: () => Promise<T>,
): Promise<T> {
  if (!phases.hasSubscribers) return work();
  const start = performance.now();
  try {
    return await work();
  } finally {
    phases.publish({ phase, milliseconds: performance.now() - start, count } satisfies PayrollPhaseTiming);
  }
}
