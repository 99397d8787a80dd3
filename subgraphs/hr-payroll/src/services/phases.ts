import { channel } from 'node:diagnostics_channel';

/**
 * How long each phase of a payroll run takes (CAO look-up, calculation, storage), published on
 * a diagnostics channel: bench/payroll-run.ts listens and prints the breakdown. Nothing is
 * measured or kept while nobody listens.
 */
export const PAYROLL_PHASE_CHANNEL = 'samen-sterk:hr-payroll:payroll-run-phase';

export interface PayrollPhaseTiming {
  /**
   * `reading`: employments, history and annual-wage figures, both passes over the employments.
   * `storage` runs while the next page is calculated (PostgreSQL): `storage-wait` is the part of
   * it the run waited for.
   */
  phase: 'cao-lookup' | 'reading' | 'calculation' | 'storage' | 'storage-wait';
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
