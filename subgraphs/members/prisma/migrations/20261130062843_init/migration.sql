-- CreateEnum
CREATE TYPE "LegalForm" AS ENUM ('FOUNDATION', 'ASSOCIATION', 'COOPERATIVE', 'PRIVATE_COMPANY', 'OTHER');

-- CreateEnum
CREATE TYPE "MembershipStatus" AS ENUM ('CANDIDATE', 'ACTIVE', 'SUSPENDED', 'ENDED');

-- CreateEnum
CREATE TYPE "KeurmerkStatus" AS ENUM ('RUN_IN', 'CERTIFIED', 'SUSPENDED');

-- CreateEnum
CREATE TYPE "AuditOutcome" AS ENUM ('CERTIFIED', 'PASSED', 'FAILED');

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('PLATFORM_ADMIN', 'ASSOCIATION_PROCUREMENT', 'ASSOCIATION_ACADEMY', 'ASSOCIATION_CAO', 'PAYROLL_SERVICE', 'MEMBER_ADMIN', 'MEMBER_PURCHASER', 'MEMBER_APPROVER', 'MEMBER_HR', 'EMPLOYEE');

-- CreateTable
CREATE TABLE "member" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kvk_number" TEXT NOT NULL,
    "legal_form" "LegalForm" NOT NULL,
    "city" TEXT NOT NULL,
    "membership_status" "MembershipStatus" NOT NULL DEFAULT 'ACTIVE',
    "member_since" DATE NOT NULL,
    "member_until" DATE,
    "keurmerk_status" "KeurmerkStatus" NOT NULL DEFAULT 'RUN_IN',
    "certified_on" DATE,
    "last_audit_on" DATE,
    "next_audit_due" DATE,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "member_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "branch" (
    "id" TEXT NOT NULL,
    "member_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "street" TEXT NOT NULL,
    "house_number" TEXT NOT NULL,
    "postcode" TEXT NOT NULL,
    "city" TEXT NOT NULL,
    "opened_on" DATE NOT NULL,
    "closed_on" DATE,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "branch_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "keurmerk_audit" (
    "id" TEXT NOT NULL,
    "member_id" TEXT NOT NULL,
    "audited_on" DATE NOT NULL,
    "outcome" "AuditOutcome" NOT NULL,
    "auditor" TEXT NOT NULL,
    "notes" TEXT,
    "recorded_by" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "keurmerk_audit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "user" (
    "id" TEXT NOT NULL,
    "member_id" TEXT,
    "name" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "roles" "Role"[],
    "employee_id" TEXT,
    "payroll_member_ids" TEXT[],
    "deactivated_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "user_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "member_kvk_number_key" ON "member"("kvk_number");

-- CreateIndex
CREATE INDEX "member_name_idx" ON "member"("name");

-- CreateIndex
CREATE INDEX "member_city_idx" ON "member"("city");

-- CreateIndex
CREATE INDEX "member_keurmerk_status_idx" ON "member"("keurmerk_status");

-- CreateIndex
CREATE INDEX "member_next_audit_due_idx" ON "member"("next_audit_due");

-- CreateIndex
CREATE INDEX "branch_member_id_idx" ON "branch"("member_id");

-- CreateIndex
CREATE INDEX "branch_city_idx" ON "branch"("city");

-- CreateIndex
CREATE INDEX "keurmerk_audit_member_id_audited_on_idx" ON "keurmerk_audit"("member_id", "audited_on");

-- CreateIndex
CREATE UNIQUE INDEX "user_email_key" ON "user"("email");

-- CreateIndex
CREATE INDEX "user_member_id_idx" ON "user"("member_id");

-- AddForeignKey
ALTER TABLE "branch" ADD CONSTRAINT "branch_member_id_fkey" FOREIGN KEY ("member_id") REFERENCES "member"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "keurmerk_audit" ADD CONSTRAINT "keurmerk_audit_member_id_fkey" FOREIGN KEY ("member_id") REFERENCES "member"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "user" ADD CONSTRAINT "user_member_id_fkey" FOREIGN KEY ("member_id") REFERENCES "member"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
