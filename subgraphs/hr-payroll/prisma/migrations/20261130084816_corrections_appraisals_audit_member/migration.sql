-- CreateEnum
CREATE TYPE "AppraisalOutcome" AS ENUM ('GOOD', 'INSUFFICIENT');

-- AlterTable
ALTER TABLE "audit_log_entry" ADD COLUMN     "member_id" TEXT;

-- AlterTable
ALTER TABLE "employment" ADD COLUMN     "step_since" DATE;

-- CreateTable
CREATE TABLE "appraisal" (
    "id" TEXT NOT NULL,
    "employment_id" TEXT NOT NULL,
    "member_id" TEXT NOT NULL,
    "appraised_on" DATE NOT NULL,
    "outcome" "AppraisalOutcome" NOT NULL,
    "note" TEXT,
    "recorded_by" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "appraisal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "payroll_correction" (
    "id" TEXT NOT NULL,
    "payslip_id" TEXT NOT NULL,
    "run_id" TEXT NOT NULL,
    "member_id" TEXT NOT NULL,
    "employee_id" TEXT NOT NULL,
    "employment_id" TEXT NOT NULL,
    "period_year" INTEGER NOT NULL,
    "period_month" INTEGER NOT NULL,
    "corrected_payslip_id" TEXT NOT NULL,
    "paid_monthly" DECIMAL(12,2) NOT NULL,
    "due_monthly" DECIMAL(12,2) NOT NULL,
    "cao_version_id" TEXT NOT NULL,
    "cao_version_name" TEXT NOT NULL,
    "amount" DECIMAL(12,2) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "payroll_correction_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "appraisal_employment_id_appraised_on_idx" ON "appraisal"("employment_id", "appraised_on");

-- CreateIndex
CREATE INDEX "appraisal_member_id_appraised_on_idx" ON "appraisal"("member_id", "appraised_on");

-- CreateIndex
CREATE INDEX "payroll_correction_employment_id_period_year_period_month_idx" ON "payroll_correction"("employment_id", "period_year", "period_month");

-- CreateIndex
CREATE INDEX "payroll_correction_member_id_period_year_period_month_idx" ON "payroll_correction"("member_id", "period_year", "period_month");

-- CreateIndex
CREATE INDEX "audit_log_entry_member_id_at_idx" ON "audit_log_entry"("member_id", "at");

-- AddForeignKey
ALTER TABLE "appraisal" ADD CONSTRAINT "appraisal_employment_id_fkey" FOREIGN KEY ("employment_id") REFERENCES "employment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "payroll_correction" ADD CONSTRAINT "payroll_correction_payslip_id_fkey" FOREIGN KEY ("payslip_id") REFERENCES "payslip"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Backfill (hand-written): the current step of existing employments took effect at their start.
UPDATE "employment" SET "step_since" = "start_date" WHERE "step_since" IS NULL;

-- Backfill (hand-written): the member of audit entries written before the column existed.
UPDATE "audit_log_entry" a SET "member_id" = t."member_id" FROM "employee" t
  WHERE a."entity_type" = 'Employee' AND a."entity_id" = t."id" AND a."member_id" IS NULL;
UPDATE "audit_log_entry" a SET "member_id" = t."member_id" FROM "employment" t
  WHERE a."entity_type" = 'Employment' AND a."entity_id" = t."id" AND a."member_id" IS NULL;
UPDATE "audit_log_entry" a SET "member_id" = t."member_id" FROM "payroll_run" t
  WHERE a."entity_type" = 'PayrollRun' AND a."entity_id" = t."id" AND a."member_id" IS NULL;
UPDATE "audit_log_entry" a SET "member_id" = t."member_id" FROM "volunteer" t
  WHERE a."entity_type" = 'Volunteer' AND a."entity_id" = t."id" AND a."member_id" IS NULL;
UPDATE "audit_log_entry" a SET "member_id" = t."member_id" FROM "volunteer_allowance_payment" t
  WHERE a."entity_type" = 'VolunteerAllowancePayment' AND a."entity_id" = t."id" AND a."member_id" IS NULL;
