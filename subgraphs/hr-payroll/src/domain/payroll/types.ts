import type { LkvKind } from './parameters';

/**
 * Inputs and output of the monthly payroll calculation (see README.md in this folder).
 *
 * Amounts are decimal strings in euros ("2461.52"); percentages are decimal strings in percent
 * ("6.5" = 6.5 %). JavaScript numbers are refused for amounts. Calendar dates are JS Dates at
 * 00:00 UTC (as Prisma returns a `@db.Date`).
 */

export type ContractType = 'PERMANENT' | 'FIXED_TERM' | 'ON_CALL';

export interface PayrollPeriodInput {
  year: number;
  /** 1–12. */
  month: number;
}

export interface EmploymentInput {
  startDate: Date;
  endDate: Date | null;
  hoursPerWeek: string;
  contractType: ContractType;
  writtenContract: boolean;
  /** The employee has this employer apply the loonheffingskorting. */
  applyTaxCredit: boolean;
  lkv: LkvKind | null;
  /**
   * Whether the LKV's target-group statement was applied for in time, judged when the run was
   * calculated (../employment.ts). Absent (inputs frozen before it was recorded): in time.
   */
  lkvApplication?: { status: LkvApplicationStatus; deadline: string };
}

/** As ../employment.ts judges it: REQUESTED in time, OPEN or DUE_SOON (deadline ahead), MISSED. */
export type LkvApplicationStatus = 'REQUESTED' | 'OPEN' | 'DUE_SOON' | 'MISSED';

/** The CAO service's answer for the first day of the period the employment is active. */
export interface CaoWageInput {
  /** Monthly wage for the employment's hours, at least the minimum wage, 2 decimals. */
  monthly: string;
  /** Hourly wage, 2 decimals. */
  hourly: string;
  caoVersionId: string;
  caoVersionName: string;
  /** Statutory hourly minimum wage for the employee's age on that day. */
  minimumWageHourly: string;
  /** The CAO's holiday allowance percentage ("8"). Below the statutory 8 % is refused. */
  holidayAllowancePercent: string;
  fullTimeHoursPerWeek: string;
  /** The month the CAO pays the holiday allowance in (5 = May); the accrual year ends with it. */
  holidayAllowancePaymentMonth: number;
  /**
   * First month of the CAO's accrual year (6 = June), if the caller has it. Only an accrual year that
   * ends with the payment month is supported (June–May paid in May); anything else is refused.
   */
  holidayAllowanceAccrualStartMonth?: number;
  /**
   * The question the CAO service answered (scale, step, date, hours, age). Not used by the
   * calculation; kept with the frozen inputs so that a CAO version or minimum wage published
   * later with an earlier effective date can be checked against this month (back pay).
   */
  request?: { scale: number; step: number; on: string; hoursPerWeek: string; age: number };
  /**
   * A birthday inside the month that changes the wage (a youth minimum wage rises on the birthday
   * itself): the CAO's answer from that day on. The month is then split at the birthday, each part
   * pro rata by calendar days. Absent or null when no birthday changes the wage this month.
   */
  fromBirthday?: BirthdayWageInput | null;
}

/** The CAO's answer from a birthday on (see `CaoWageInput.fromBirthday`). */
export interface BirthdayWageInput {
  /** The birthday: the first day of the higher age, a calendar date inside the month. */
  on: Date;
  /** The age reached that day. */
  age: number;
  monthly: string;
  hourly: string;
  minimumWageHourly: string;
  caoVersionId: string;
  caoVersionName: string;
  request?: { scale: number; step: number; on: string; hoursPerWeek: string; age: number };
}

/**
 * Back pay for one earlier, settled month (a CAO version or minimum wage published later with
 * an effective date before it): see back-pay.ts for the rule.
 */
export interface BackPayInput {
  /** The month corrected. */
  year: number;
  month: number;
  /** The payslip that paid it first, and its CAO version. */
  correctedPayslipId: string;
  paidCaoVersionName: string;
  /** Monthly wage paid then and due now, for the employment's hours, before pro rata. */
  paidMonthly: string;
  dueMonthly: string;
  dueCaoVersionId: string;
  dueCaoVersionName: string;
  /** The month's pro rata as it was paid. */
  daysEmployed: number;
  daysInMonth: number;
  /** Back pay for that month already paid in earlier runs. */
  alreadyCorrected: string;
}

export interface PayrollSettingsInput {
  /** Employee's pension premium in % of the gross wage (withheld, before wage tax). */
  pensionEmployeePercent: string;
  /** Employer's pension premium in % of the gross wage. */
  pensionEmployerPercent: string;
  /** Small employer (premium wage sum ≤ 25 × the average): Aof low rate. */
  smallEmployer: boolean;
  /**
   * The employer's own Whk percentage from its Belastingdienst decision (beschikking), if known.
   * Without it the average rate of the year's parameters is used, and the result says so.
   */
  whkPercent?: string | null;
}

/**
 * Calendar-year totals at this employer BEFORE this month (from the earlier paid months of the
 * same year). All amounts; zeros for the first month. `emptyYearToDate()` gives a zero set.
 */
export interface YearToDate {
  grossWage: string;
  holidayAllowancePaid: string;
  employeePension: string;
  employerPension: string;
  /** Wage for the wage tax (loon voor de loonbelasting), regular and special payments together. */
  taxableWage: string;
  /** Wage tax withheld, monthly table and special payments together. */
  wageTax: string;
  /** Premium wage (loon voor de werknemersverzekeringen), NOT capped: the cap is applied here. */
  premiumWage: string;
  /** Employer premiums charged (AWf, Aof, Wko, Whk, Zvw; without pension). */
  employerPremiums: string;
  netPay: string;
  /** LKV expected so far this year: counts toward the annual maximum. */
  lkvClaimed: string;
}

/** Holiday allowance reserved and not yet paid: the accrual year so far (from June), before this month. */
export interface HolidayAllowanceAccrual {
  /** Sum of the monthly reservations not yet paid. */
  reserved: string;
  /** The wages they were reserved on. */
  base: string;
  /**
   * Part of `reserved` accrued before the platform: the opening balance (opening-balances.ts), with
   * the wages it was reserved on when HR entered them (null: not known), as of the day entered.
   */
  opening?: { reserved: string; base: string | null; asOf: string };
}

export interface PayrollInput {
  period: PayrollPeriodInput;
  employment: EmploymentInput;
  caoWage: CaoWageInput;
  settings: PayrollSettingsInput;
  yearToDate: YearToDate;
  holidayAllowanceAccrual: HolidayAllowanceAccrual;
  /**
   * The annual wage for the special-payments rate: the previous calendar year's, converted to a year
   * for someone paid over part of it, or a new employee's estimate (the caller finds it with
   * `annualWageForSpecialPayments`, annual-wage.ts). Needed only in a month with a special payment;
   * null otherwise is fine.
   */
  previousYearAnnualWage: string | null;
  /** How the caller found `previousYearAnnualWage` (annual-wage.ts), for the explanation. */
  previousYearAnnualWageBasis?: string;
  /** Back pay for earlier months, paid with this month (none when absent). */
  backPay?: BackPayInput[];
  /**
   * The employee's first month paid here starts from opening balances entered by HR
   * (opening-balances.ts), already in `yearToDate`, `holidayAllowanceAccrual` and the annual wage:
   * the day they were entered as of (YYYY-MM-DD), for the explanation. Absent otherwise.
   */
  openingBalanceAsOf?: string;
}

export type PayrollLineKind = 'EARNING' | 'DEDUCTION' | 'EMPLOYER_COST' | 'INFORMATION';
/** How to read a line's `rate`: a percentage, a fraction of the month ("16/30"), euros an hour, a tax table. */
export type RateUnit = 'PERCENT' | 'FRACTION' | 'EUR_PER_HOUR' | 'TABLE';

export type PayrollLineCode =
  | 'GROSS_WAGE'
  | 'HOLIDAY_ALLOWANCE_PAID'
  | 'BACK_PAY'
  | 'HOLIDAY_ALLOWANCE_BACK_PAY'
  | 'PENSION_EMPLOYEE_BACK_PAY'
  | 'PENSION_EMPLOYER_BACK_PAY'
  | 'PENSION_EMPLOYEE'
  | 'WAGE_TAX'
  | 'WAGE_TAX_SPECIAL'
  | 'NET_PAY'
  | 'HOLIDAY_ALLOWANCE_RESERVED'
  | 'TAXABLE_WAGE'
  | 'PREMIUM_WAGE'
  | 'AWF'
  | 'AOF'
  | 'WKO'
  | 'WHK'
  | 'ZVW'
  | 'PENSION_EMPLOYER'
  | 'LKV_EXPECTED';

export interface PayrollLine {
  code: PayrollLineCode;
  kind: PayrollLineKind;
  description: string;
  base: string | null;
  rate: string | null;
  rateUnit: RateUnit | null;
  amount: string;
}

export type ComplianceCode = 'MINIMUM_WAGE' | 'CAO_WAGE' | 'HOLIDAY_ALLOWANCE_PERCENT';

export interface ComplianceCheck {
  code: ComplianceCode;
  ok: boolean;
  message: string;
}

export interface EmployerPremiumLine {
  code: 'AWF' | 'AOF' | 'WKO' | 'WHK' | 'ZVW';
  base: string;
  ratePercent: string;
  amount: string;
  source: string;
}

export interface PayrollCalculation {
  period: {
    year: number;
    month: number;
    firstDay: string;
    lastDay: string;
    daysInMonth: number;
    daysEmployed: number;
    /** True when the employment starts or ends inside the month. */
    partial: boolean;
  };
  cao: { versionId: string; versionName: string };
  lines: PayrollLine[];
  grossWage: string;
  /** Paid hours this month (hours a week × 52 / 12 × days employed / days in month), half up to whole hours. */
  paidHours: string;
  taxableWage: { regular: string; special: string; total: string };
  wageTax: {
    monthly: string;
    special: string;
    total: string;
    withTaxCredit: boolean;
    /** The special-payments percentage used, when holiday allowance was paid. */
    specialRatePercent: string | null;
  };
  pension: { base: string; employeePercent: string; employee: string; employerPercent: string; employer: string };
  holidayAllowance: {
    percent: string;
    reserved: string;
    paid: string;
    payoutReason: 'PAYMENT_MONTH' | 'END_OF_EMPLOYMENT' | null;
    /** Reserved and not yet paid after this month (the next month's `holidayAllowanceAccrual`). */
    accrualAfter: HolidayAllowanceAccrual;
  };
  premiumWage: { thisMonth: string; charged: string; maxPerYear: string; remainingBefore: string };
  awfClass: 'LOW' | 'HIGH';
  employerPremiums: EmployerPremiumLine[];
  /** Employer premiums plus employer pension. */
  employerCostsTotal: string;
  /** Gross wage + holiday allowance reserved this month + employer costs (accrual view of the month's cost). */
  totalCostOfEmployment: string;
  netPay: string;
  lkv: {
    kind: LkvKind;
    hours: string;
    eligibleDays: number;
    perHour: string;
    uncapped: string;
    maxPerYear: string;
    claimedBefore: string;
    expected: string;
  } | null;
  /** The LKV the month would have brought had the statement been applied for in time (absent in older runs). */
  lkvForgone?: string | null;
  /** Back pay for earlier months paid with this month, or null. */
  backPay: {
    total: string;
    /** Holiday allowance over back pay for accrual years already paid out: paid now. */
    holidayAllowancePaid: string;
    /** Holiday allowance over the rest: reserved with this month's reservation. */
    holidayAllowanceReservedOn: string;
    pensionEmployee: string;
    pensionEmployer: string;
    periods: BackPayPeriod[];
  } | null;
  compliance: ComplianceCheck[];
  /** All compliance checks ok (a run may approve this payslip). */
  compliant: boolean;
  /** Rules applied in a simplified way or figures not confirmed: to be read before approving. */
  warnings: string[];
  yearToDateAfter: YearToDate;
  explanation: string[];
}

/** A month's back pay as worked out: the corrected month (as `BackPayInput`, without the CAO version paid) and its amounts. */
export interface BackPayPeriod extends Omit<BackPayInput, 'paidCaoVersionName'> {
  /** Wage for the month's days, paid then and due now (each half up to cents). */
  paidForDays: string;
  dueForDays: string;
  /** dueForDays − paidForDays − alreadyCorrected. */
  amount: string;
  /** The month's accrual year was paid out already: its holiday allowance is paid now. */
  holidayAllowanceAlreadyPaidOut: boolean;
}

/** A zero year-to-date: the first paid month of the year at this employer. */
export const emptyYearToDate = (): YearToDate => ({
  grossWage: '0.00',
  holidayAllowancePaid: '0.00',
  employeePension: '0.00',
  employerPension: '0.00',
  taxableWage: '0.00',
  wageTax: '0.00',
  premiumWage: '0.00',
  employerPremiums: '0.00',
  netPay: '0.00',
  lkvClaimed: '0.00',
});
