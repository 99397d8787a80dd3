-- CreateEnum
CREATE TYPE "ContractType" AS ENUM ('PERMANENT', 'FIXED_TERM', 'ON_CALL');

-- CreateEnum
CREATE TYPE "LkvKind" AS ENUM ('JOB_AGREEMENT_TARGET_GROUP', 'DISABLED_EMPLOYEE');

-- CreateTable
CREATE TABLE "employee" (
    "id" TEXT NOT NULL,
    "member_id" TEXT NOT NULL,
    "first_name" TEXT NOT NULL,
    "last_name" TEXT NOT NULL,
    "birth_date" DATE NOT NULL,
    "bsn" TEXT NOT NULL,
    "iban" TEXT NOT NULL,
    "street" TEXT NOT NULL,
    "house_number" TEXT NOT NULL,
    "postcode" TEXT NOT NULL,
    "city" TEXT NOT NULL,
    "email" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "employee_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "employment" (
    "id" TEXT NOT NULL,
    "employee_id" TEXT NOT NULL,
    "member_id" TEXT NOT NULL,
    "start_date" DATE NOT NULL,
    "end_date" DATE,
    "contract_type" "ContractType" NOT NULL,
    "written_contract" BOOLEAN NOT NULL DEFAULT true,
    "function_title" TEXT NOT NULL,
    "branch_id" TEXT,
    "cao_scale" INTEGER NOT NULL,
    "cao_step" INTEGER NOT NULL,
    "hours_per_week" DECIMAL(5,2) NOT NULL,
    "apply_tax_credit" BOOLEAN NOT NULL DEFAULT false,
    "job_agreement_register" BOOLEAN NOT NULL DEFAULT false,
    "sheltered_work" BOOLEAN NOT NULL DEFAULT false,
    "wage_value_percent" DECIMAL(5,2),
    "subsidy_municipality" TEXT,
    "lkv" "LkvKind",
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "employment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "member_payroll_settings" (
    "member_id" TEXT NOT NULL,
    "pension_employee_percent" DECIMAL(5,2) NOT NULL,
    "pension_employer_percent" DECIMAL(5,2) NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "member_payroll_settings_pkey" PRIMARY KEY ("member_id")
);

-- CreateTable
CREATE TABLE "audit_log_entry" (
    "id" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor_id" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "entity_type" TEXT NOT NULL,
    "entity_id" TEXT NOT NULL,
    "before" JSONB,
    "after" JSONB,

    CONSTRAINT "audit_log_entry_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "employee_member_id_last_name_idx" ON "employee"("member_id", "last_name");

-- CreateIndex
CREATE UNIQUE INDEX "employee_member_id_bsn_key" ON "employee"("member_id", "bsn");

-- CreateIndex
CREATE INDEX "employment_employee_id_start_date_idx" ON "employment"("employee_id", "start_date");

-- CreateIndex
CREATE INDEX "employment_member_id_start_date_idx" ON "employment"("member_id", "start_date");

-- CreateIndex
CREATE INDEX "audit_log_entry_entity_type_entity_id_at_idx" ON "audit_log_entry"("entity_type", "entity_id", "at");

-- CreateIndex
CREATE INDEX "audit_log_entry_at_idx" ON "audit_log_entry"("at");

-- AddForeignKey
ALTER TABLE "employment" ADD CONSTRAINT "employment_employee_id_fkey" FOREIGN KEY ("employee_id") REFERENCES "employee"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
