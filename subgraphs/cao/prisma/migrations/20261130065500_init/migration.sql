-- CreateEnum
CREATE TYPE "CaoVersionStatus" AS ENUM ('DRAFT', 'PUBLISHED');

-- CreateTable
CREATE TABLE "cao_version" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "parties" TEXT[],
    "status" "CaoVersionStatus" NOT NULL DEFAULT 'DRAFT',
    "effective_from" DATE,
    "effective_to" DATE,
    "full_time_hours_per_week" DECIMAL(5,2) NOT NULL,
    "weeks_per_year" DECIMAL(7,4) NOT NULL,
    "holiday_allowance_percent" DECIMAL(5,2) NOT NULL,
    "holiday_allowance_accrual_start_month" INTEGER NOT NULL,
    "holiday_allowance_payment_month" INTEGER NOT NULL,
    "leave_hours_statutory" DECIMAL(6,2) NOT NULL,
    "leave_hours_extra" DECIMAL(6,2) NOT NULL,
    "overtime_rule" TEXT NOT NULL,
    "periodic_increase_rule" TEXT NOT NULL,
    "based_on_id" TEXT,
    "created_by" TEXT NOT NULL,
    "published_at" TIMESTAMPTZ(3),
    "published_by" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "cao_version_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "wage_scale" (
    "id" TEXT NOT NULL,
    "version_id" TEXT NOT NULL,
    "scale" INTEGER NOT NULL,

    CONSTRAINT "wage_scale_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "wage_step" (
    "id" TEXT NOT NULL,
    "scale_id" TEXT NOT NULL,
    "step" INTEGER NOT NULL,
    "monthly_full_time" DECIMAL(10,2) NOT NULL,

    CONSTRAINT "wage_step_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "minimum_wage_rate" (
    "id" TEXT NOT NULL,
    "effective_from" DATE NOT NULL,
    "created_by" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "minimum_wage_rate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "minimum_wage_amount" (
    "id" TEXT NOT NULL,
    "rate_id" TEXT NOT NULL,
    "age" INTEGER NOT NULL,
    "hourly" DECIMAL(8,2) NOT NULL,
    "youth_percent" DECIMAL(5,2) NOT NULL,
    "bbl_percent" DECIMAL(5,2),

    CONSTRAINT "minimum_wage_amount_pkey" PRIMARY KEY ("id")
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
CREATE INDEX "cao_version_status_effective_from_idx" ON "cao_version"("status", "effective_from");

-- CreateIndex
CREATE UNIQUE INDEX "wage_scale_version_id_scale_key" ON "wage_scale"("version_id", "scale");

-- CreateIndex
CREATE UNIQUE INDEX "wage_step_scale_id_step_key" ON "wage_step"("scale_id", "step");

-- CreateIndex
CREATE UNIQUE INDEX "minimum_wage_rate_effective_from_key" ON "minimum_wage_rate"("effective_from");

-- CreateIndex
CREATE UNIQUE INDEX "minimum_wage_amount_rate_id_age_key" ON "minimum_wage_amount"("rate_id", "age");

-- CreateIndex
CREATE INDEX "audit_log_entry_entity_type_entity_id_at_idx" ON "audit_log_entry"("entity_type", "entity_id", "at");

-- CreateIndex
CREATE INDEX "audit_log_entry_at_idx" ON "audit_log_entry"("at");

-- AddForeignKey
ALTER TABLE "cao_version" ADD CONSTRAINT "cao_version_based_on_id_fkey" FOREIGN KEY ("based_on_id") REFERENCES "cao_version"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "wage_scale" ADD CONSTRAINT "wage_scale_version_id_fkey" FOREIGN KEY ("version_id") REFERENCES "cao_version"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "wage_step" ADD CONSTRAINT "wage_step_scale_id_fkey" FOREIGN KEY ("scale_id") REFERENCES "wage_scale"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "minimum_wage_amount" ADD CONSTRAINT "minimum_wage_amount_rate_id_fkey" FOREIGN KEY ("rate_id") REFERENCES "minimum_wage_rate"("id") ON DELETE CASCADE ON UPDATE CASCADE;
