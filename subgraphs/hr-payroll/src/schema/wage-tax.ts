import { BadUserInputError } from '@samen-sterk/subgraph-runtime';
import type Decimal from 'decimal.js';
import { builder } from '../builder';
import {
  specialPaymentsTax,
  wageTax,
  type SpecialPaymentsTaxResult,
  type WageTaxResult,
} from '../domain/wage-tax/wage-tax';

/** Amounts with exactly two decimals, as the tax tables print them. */
const cents = (value: Decimal) => value.toFixed(2);

const PayPeriodEnum = builder.enumType('PayPeriod', {
  description: 'The pay period of a wage-tax table. Only MONTH is supported so far.',
  values: ['MONTH'] as const,
});

const WageTaxRef = builder.objectRef<WageTaxResult & { year: number; withTaxCredit: boolean }>('WageTax').implement({
  description:
    'Wage tax (loonheffing: wage tax and national-insurance contributions) from the white table for current employment, below state-pension age.',
  fields: (t) => ({
    year: t.exposeInt('year'),
    withTaxCredit: t.exposeBoolean('withTaxCredit', { description: 'Loonheffingskorting applied.' }),
    tax: t.field({ type: 'Decimal', description: 'To withhold this period.', resolve: (r) => cents(r.tax) }),
    tableWage: t.field({
      type: 'Decimal',
      description: 'The table row the wage falls in.',
      resolve: (r) => cents(r.tableWage),
    }),
    annualWage: t.field({
      type: 'Decimal',
      description: 'The annual table wage.',
      resolve: (r) => cents(r.annualWage),
    }),
    taxBeforeCredits: t.field({
      type: 'Decimal',
      description: 'This period.',
      resolve: (r) => cents(r.period.taxBeforeCredits),
    }),
    generalTaxCredit: t.field({
      type: 'Decimal',
      description: 'Algemene heffingskorting, this period.',
      resolve: (r) => cents(r.period.generalTaxCredit),
    }),
    employmentTaxCredit: t.field({
      type: 'Decimal',
      description: 'Arbeidskorting, this period.',
      resolve: (r) => cents(r.period.employmentTaxCredit),
    }),
    explanation: t.stringList({ resolve: (r) => r.explanation }),
  }),
});

const SpecialPaymentsTaxRef = builder.objectRef<SpecialPaymentsTaxResult>('SpecialPaymentsTax').implement({
  description: 'Wage tax on a special payment such as the holiday allowance (tabel bijzondere beloningen).',
  fields: (t) => ({
    tax: t.field({ type: 'Decimal', resolve: (r) => cents(r.tax) }),
    ratePercent: t.field({ type: 'Decimal', resolve: (r) => r.ratePercent.toFixed(2) }),
    explanation: t.stringList({ resolve: (r) => r.explanation }),
  }),
});

// The calculator's own refusals (DomainError) reach the caller as BAD_USER_INPUT naming the
// argument: the error formatter maps them.
builder.queryFields((t) => ({
  wageTax: t.field({
    type: WageTaxRef,
    description:
      "Wage tax for a period's wage, as the tax office's white table gives it (2026; 2025 up to its verified range). A calculator for anyone in HR.",
    args: {
      year: t.arg.int({ required: true }),
      period: t.arg({ type: PayPeriodEnum, required: true }),
      wage: t.arg({ type: 'Decimal', required: true }),
      withTaxCredit: t.arg.boolean({ required: true }),
    },
    resolve: (_root, args) => {
      if (args.wage.isNegative()) throw new BadUserInputError('wage', 'A wage cannot be negative.');
      const { year, period, wage, withTaxCredit } = args;
      return { ...wageTax({ year, period, wage, withTaxCredit }), year, withTaxCredit };
    },
  }),
  specialPaymentsTax: t.field({
    type: SpecialPaymentsTaxRef,
    description: "Wage tax on a special payment (holiday allowance), by the previous year's annual wage.",
    args: {
      year: t.arg.int({ required: true }),
      amount: t.arg({ type: 'Decimal', required: true }),
      previousYearAnnualWage: t.arg({ type: 'Decimal', required: true }),
      withTaxCredit: t.arg.boolean({ required: true }),
    },
    resolve: (_root, args) => specialPaymentsTax(args),
  }),
}));
