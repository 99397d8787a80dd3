-- What later runs read of a payslip (year to date and holiday allowance after it, days employed,
-- a first period's wage figures) gets a small column of its own, copied from the payslip's
-- inputs and calculation. Those two are then kept as json (validated text): written once and
-- read whole, PostgreSQL no longer takes each apart into jsonb on the way in, which was most of
-- its work when a run stores its payslips; and a run's history no longer parses whole payslips.
-- See BENCHMARKS.md (payroll run).

-- AlterTable
ALTER TABLE "payslip" ADD COLUMN "carry_over" JSONB;

UPDATE "payslip" SET "carry_over" = jsonb_build_object(
  'yearToDateAfter', "calculation" -> 'yearToDateAfter',
  'accrualAfter', "calculation" -> 'holidayAllowance' -> 'accrualAfter',
  'daysEmployed', "calculation" -> 'period' -> 'daysEmployed',
  'daysInMonth', "calculation" -> 'period' -> 'daysInMonth',
  'monthly', "inputs" -> 'caoWage' -> 'monthly',
  'pensionEmployeePercent', "inputs" -> 'settings' -> 'pensionEmployeePercent',
  'holidayAllowancePercent', "inputs" -> 'caoWage' -> 'holidayAllowancePercent'
);

ALTER TABLE "payslip" ALTER COLUMN "carry_over" SET NOT NULL,
ALTER COLUMN "inputs" SET DATA TYPE JSON USING "inputs"::json,
ALTER COLUMN "calculation" SET DATA TYPE JSON USING "calculation"::json;
