-- CreateEnum
CREATE TYPE "PayrollRunStatus" AS ENUM ('CALCULATED', 'APPROVED', 'PAID');

-- CreateTable
CREATE TABLE "payroll_run" (
    "id" TEXT NOT NULL,
    "member_id" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "month" INTEGER NOT NULL,
    "status" "PayrollRunStatus" NOT NULL DEFAULT 'CALCULATED',
    "calculated_by" TEXT NOT NULL,
    "calculated_at" TIMESTAMPTZ(3) NOT NULL,
    "approved_by" TEXT,
    "approved_at" TIMESTAMPTZ(3),
    "paid_by" TEXT,
    "paid_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "payroll_run_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "payslip" (
    "id" TEXT NOT NULL,
    "run_id" TEXT NOT NULL,
    "member_id" TEXT NOT NULL,
    "employee_id" TEXT NOT NULL,
    "employment_id" TEXT NOT NULL,
    "cao_version_id" TEXT NOT NULL,
    "cao_version_name" TEXT NOT NULL,
    "gross" DECIMAL(12,2) NOT NULL,
    "taxable_wage" DECIMAL(12,2) NOT NULL,
    "wage_tax" DECIMAL(12,2) NOT NULL,
    "net" DECIMAL(12,2) NOT NULL,
    "employer_costs" DECIMAL(12,2) NOT NULL,
    "inputs" JSONB NOT NULL,
    "calculation" JSONB NOT NULL,
    "compliant" BOOLEAN NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "payslip_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "payroll_run_member_id_year_month_key" ON "payroll_run"("member_id", "year", "month");

-- CreateIndex
CREATE INDEX "payslip_employee_id_run_id_idx" ON "payslip"("employee_id", "run_id");

-- CreateIndex
CREATE UNIQUE INDEX "payslip_run_id_employment_id_key" ON "payslip"("run_id", "employment_id");

-- AddForeignKey
ALTER TABLE "payslip" ADD CONSTRAINT "payslip_run_id_fkey" FOREIGN KEY ("run_id") REFERENCES "payroll_run"("id") ON DELETE CASCADE ON UPDATE CASCADE;
