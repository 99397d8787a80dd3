import { DomainError, type Exact } from '@samen-sterk/subgraph-runtime/pure';

/**
 * What makes a salary table valid: every scale has steps numbered 0, 1, 2, … without gaps, each
 * amount is positive, and no step pays less than the one before it. A violation names the cell.
 */
export interface TableScale {
  scale: number;
  steps: { step: number; monthlyFullTime: Exact }[];
}

/** What the salary table can hold (numeric(10,2)); far above any wage. */
const MAX_MONTHLY = 100_000_000;

export const cellField = (scale: number, step?: number) =>
  `salaryTable.scale${scale}${step === undefined ? '' : `.step${step}`}`;

export function validateSalaryTable(scales: readonly TableScale[]): void {
  if (scales.length === 0) throw new DomainError('EMPTY_TABLE', 'salaryTable', 'The salary table has no scales.');
  for (const { scale, steps } of scales) {
    if (!Number.isInteger(scale) || scale < 1) {
      throw new DomainError(
        'NOT_A_SCALE',
        cellField(scale),
        `Scale ${scale} is not a scale number: scales are numbered 1, 2, 3, …`,
      );
    }
    if (steps.length === 0) throw new DomainError('EMPTY_SCALE', cellField(scale), `Scale ${scale} has no steps.`);
    const sorted = [...steps].sort((a, b) => a.step - b.step);
    sorted.forEach((cell, index) => {
      if (cell.step !== index) {
        throw new DomainError(
          'MISSING_STEP',
          cellField(scale, index),
          `Scale ${scale} misses step ${index}: steps must run 0, 1, 2, … without gaps (found step ${cell.step}).`,
        );
      }
      if (cell.monthlyFullTime.decimalPlaces() > 2 || cell.monthlyFullTime.greaterThanOrEqualTo(MAX_MONTHLY)) {
        throw new DomainError(
          'INVALID_AMOUNT',
          cellField(scale, cell.step),
          `Scale ${scale} step ${cell.step}: an amount is in euros and cents, below €${MAX_MONTHLY.toLocaleString('en')} a month.`,
        );
      }
      if (!cell.monthlyFullTime.isPositive() || cell.monthlyFullTime.isZero()) {
        throw new DomainError(
          'AMOUNT_NOT_POSITIVE',
          cellField(scale, cell.step),
          `Scale ${scale} step ${cell.step}: the amount must be more than zero.`,
        );
      }
      const previous = sorted[index - 1];
      if (previous && cell.monthlyFullTime.lessThan(previous.monthlyFullTime)) {
        throw new DomainError(
          'FALLING_AMOUNT',
          cellField(scale, cell.step),
          `Scale ${scale} step ${cell.step} (${cell.monthlyFullTime.toFixed(2)}) pays less than step ${previous.step} (${previous.monthlyFullTime.toFixed(2)}); amounts may not fall as steps rise.`,
        );
      }
    });
  }
}

export function validatePeriod(effectiveFrom: Date, effectiveTo: Date | null): void {
  if (effectiveTo && effectiveTo < effectiveFrom) {
    throw new DomainError('END_BEFORE_START', 'input.effectiveTo', 'The end date lies before the start date.');
  }
}
