-- CreateEnum
CREATE TYPE "Level" AS ENUM ('NONE', 'MBO_1', 'MBO_2', 'MBO_3', 'MBO_4');

-- CreateEnum
CREATE TYPE "ModeOfDelivery" AS ENUM ('IN_PERSON', 'ONLINE', 'BLENDED');

-- CreateEnum
CREATE TYPE "PrerequisiteKind" AS ENUM ('ALL_OF', 'ANY_OF');

-- CreateEnum
CREATE TYPE "LocationKind" AS ENUM ('MEMBER_SHOP', 'TRAINING_CENTRE', 'ONLINE');

-- CreateEnum
CREATE TYPE "EnrolmentStatus" AS ENUM ('REQUESTED', 'ENROLLED', 'WAITLISTED', 'COMPLETED', 'NO_SHOW', 'CANCELLED');

-- CreateEnum
CREATE TYPE "EnrolledBy" AS ENUM ('EMPLOYEE', 'MEMBER_HR', 'ACADEMY_ADMIN');

-- CreateEnum
CREATE TYPE "Funding" AS ENUM ('FUND', 'MEMBER', 'FREE');

-- CreateEnum
CREATE TYPE "BudgetMovementKind" AS ENUM ('RESERVE', 'RELEASE', 'SPEND');

-- CreateEnum
CREATE TYPE "CertificateKind" AS ENUM ('PRAKTIJKVERKLARING', 'CERTIFICATE');

-- CreateTable
CREATE TABLE "course" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "study_load_hours" DECIMAL(6,2) NOT NULL,
    "level" "Level" NOT NULL DEFAULT 'NONE',
    "language" TEXT NOT NULL DEFAULT 'nl-NL',
    "mode_of_delivery" "ModeOfDelivery" NOT NULL,
    "price" DECIMAL(8,2) NOT NULL,
    "fundable" BOOLEAN NOT NULL DEFAULT true,
    "renewal_months" INTEGER,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "course_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "skill" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,

    CONSTRAINT "skill_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "course_skill" (
    "course_id" TEXT NOT NULL,
    "skill_id" TEXT NOT NULL,

    CONSTRAINT "course_skill_pkey" PRIMARY KEY ("course_id","skill_id")
);

-- CreateTable
CREATE TABLE "course_work_process" (
    "id" TEXT NOT NULL,
    "course_id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "position" INTEGER NOT NULL,

    CONSTRAINT "course_work_process_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "prerequisite_group" (
    "id" TEXT NOT NULL,
    "course_id" TEXT NOT NULL,
    "parent_id" TEXT,
    "kind" "PrerequisiteKind" NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "prerequisite_group_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "prerequisite_course" (
    "group_id" TEXT NOT NULL,
    "required_course_id" TEXT NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "prerequisite_course_pkey" PRIMARY KEY ("group_id","required_course_id")
);

-- CreateTable
CREATE TABLE "learning_path" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "learning_path_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "learning_path_step" (
    "path_id" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "course_id" TEXT NOT NULL,
    "required" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "learning_path_step_pkey" PRIMARY KEY ("path_id","position")
);

-- CreateTable
CREATE TABLE "course_session" (
    "id" TEXT NOT NULL,
    "course_id" TEXT NOT NULL,
    "starts_at" TIMESTAMPTZ(3) NOT NULL,
    "ends_at" TIMESTAMPTZ(3) NOT NULL,
    "location_kind" "LocationKind" NOT NULL,
    "member_id" TEXT,
    "branch_id" TEXT,
    "centre_name" TEXT,
    "centre_city" TEXT,
    "trainer_id" TEXT,
    "capacity" INTEGER NOT NULL,
    "enrolled_count" INTEGER NOT NULL DEFAULT 0,
    "waitlist_sequence" INTEGER NOT NULL DEFAULT 0,
    "enrolment_opens_at" TIMESTAMPTZ(3),
    "enrolment_closes_at" TIMESTAMPTZ(3),
    "cancelled_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "course_session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "member_academy_settings" (
    "member_id" TEXT NOT NULL,
    "enrolment_needs_approval" BOOLEAN NOT NULL DEFAULT false,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "member_academy_settings_pkey" PRIMARY KEY ("member_id")
);

-- CreateTable
CREATE TABLE "enrolment" (
    "id" TEXT NOT NULL,
    "session_id" TEXT NOT NULL,
    "member_id" TEXT NOT NULL,
    "employee_id" TEXT NOT NULL,
    "status" "EnrolmentStatus" NOT NULL,
    "active_session_id" TEXT,
    "waitlist_position" INTEGER,
    "requested_by_id" TEXT NOT NULL,
    "requested_by_role" "EnrolledBy" NOT NULL,
    "funding" "Funding" NOT NULL,
    "reserved_amount" DECIMAL(8,2) NOT NULL DEFAULT 0,
    "budget_year" INTEGER,
    "prerequisites_overridden" BOOLEAN NOT NULL DEFAULT false,
    "result" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "status_changed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "enrolment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "training_budget" (
    "id" TEXT NOT NULL,
    "member_id" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "granted" DECIMAL(12,2) NOT NULL,
    "reserved" DECIMAL(12,2) NOT NULL DEFAULT 0,
    "spent" DECIMAL(12,2) NOT NULL DEFAULT 0,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "training_budget_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "budget_movement" (
    "id" TEXT NOT NULL,
    "budget_id" TEXT NOT NULL,
    "enrolment_id" TEXT NOT NULL,
    "kind" "BudgetMovementKind" NOT NULL,
    "amount" DECIMAL(8,2) NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "budget_movement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "certificate" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "kind" "CertificateKind" NOT NULL,
    "course_id" TEXT,
    "path_id" TEXT,
    "enrolment_id" TEXT,
    "member_id" TEXT NOT NULL,
    "employee_id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "issued_on" DATE NOT NULL,
    "expires_on" DATE,
    "revoked_on" DATE,
    "work_processes" JSONB NOT NULL DEFAULT '[]',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "certificate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_log_entry" (
    "id" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "member_id" TEXT,
    "actor_id" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "entity_type" TEXT NOT NULL,
    "entity_id" TEXT NOT NULL,
    "before" JSONB,
    "after" JSONB,

    CONSTRAINT "audit_log_entry_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "course_code_key" ON "course"("code");

-- CreateIndex
CREATE UNIQUE INDEX "skill_code_key" ON "skill"("code");

-- CreateIndex
CREATE INDEX "course_skill_skill_id_idx" ON "course_skill"("skill_id");

-- CreateIndex
CREATE UNIQUE INDEX "course_work_process_course_id_code_key" ON "course_work_process"("course_id", "code");

-- CreateIndex
CREATE UNIQUE INDEX "course_work_process_course_id_position_key" ON "course_work_process"("course_id", "position");

-- CreateIndex
CREATE INDEX "prerequisite_group_course_id_idx" ON "prerequisite_group"("course_id");

-- CreateIndex
CREATE INDEX "prerequisite_group_parent_id_idx" ON "prerequisite_group"("parent_id");

-- CreateIndex
CREATE INDEX "prerequisite_course_required_course_id_idx" ON "prerequisite_course"("required_course_id");

-- CreateIndex
CREATE UNIQUE INDEX "learning_path_code_key" ON "learning_path"("code");

-- CreateIndex
CREATE INDEX "learning_path_step_course_id_idx" ON "learning_path_step"("course_id");

-- CreateIndex
CREATE UNIQUE INDEX "learning_path_step_path_id_course_id_key" ON "learning_path_step"("path_id", "course_id");

-- CreateIndex
CREATE INDEX "course_session_course_id_starts_at_idx" ON "course_session"("course_id", "starts_at");

-- CreateIndex
CREATE INDEX "course_session_trainer_id_starts_at_idx" ON "course_session"("trainer_id", "starts_at");

-- CreateIndex
CREATE INDEX "course_session_member_id_starts_at_idx" ON "course_session"("member_id", "starts_at");

-- CreateIndex
CREATE INDEX "course_session_starts_at_idx" ON "course_session"("starts_at");

-- CreateIndex
CREATE INDEX "enrolment_session_id_status_waitlist_position_idx" ON "enrolment"("session_id", "status", "waitlist_position");

-- CreateIndex
CREATE INDEX "enrolment_member_id_created_at_idx" ON "enrolment"("member_id", "created_at");

-- CreateIndex
CREATE INDEX "enrolment_employee_id_created_at_idx" ON "enrolment"("employee_id", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "enrolment_active_session_id_employee_id_key" ON "enrolment"("active_session_id", "employee_id");

-- CreateIndex
CREATE UNIQUE INDEX "enrolment_session_id_waitlist_position_key" ON "enrolment"("session_id", "waitlist_position");

-- CreateIndex
CREATE UNIQUE INDEX "training_budget_member_id_year_key" ON "training_budget"("member_id", "year");

-- CreateIndex
CREATE INDEX "budget_movement_budget_id_at_idx" ON "budget_movement"("budget_id", "at");

-- CreateIndex
CREATE UNIQUE INDEX "budget_movement_enrolment_id_kind_key" ON "budget_movement"("enrolment_id", "kind");

-- CreateIndex
CREATE UNIQUE INDEX "certificate_code_key" ON "certificate"("code");

-- CreateIndex
CREATE UNIQUE INDEX "certificate_enrolment_id_key" ON "certificate"("enrolment_id");

-- CreateIndex
CREATE INDEX "certificate_employee_id_issued_on_idx" ON "certificate"("employee_id", "issued_on");

-- CreateIndex
CREATE INDEX "certificate_member_id_expires_on_idx" ON "certificate"("member_id", "expires_on");

-- CreateIndex
CREATE INDEX "certificate_expires_on_idx" ON "certificate"("expires_on");

-- CreateIndex
CREATE UNIQUE INDEX "certificate_path_id_employee_id_key" ON "certificate"("path_id", "employee_id");

-- CreateIndex
CREATE INDEX "audit_log_entry_entity_type_entity_id_at_idx" ON "audit_log_entry"("entity_type", "entity_id", "at");

-- CreateIndex
CREATE INDEX "audit_log_entry_member_id_at_idx" ON "audit_log_entry"("member_id", "at");

-- AddForeignKey
ALTER TABLE "course_skill" ADD CONSTRAINT "course_skill_course_id_fkey" FOREIGN KEY ("course_id") REFERENCES "course"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "course_skill" ADD CONSTRAINT "course_skill_skill_id_fkey" FOREIGN KEY ("skill_id") REFERENCES "skill"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "course_work_process" ADD CONSTRAINT "course_work_process_course_id_fkey" FOREIGN KEY ("course_id") REFERENCES "course"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "prerequisite_group" ADD CONSTRAINT "prerequisite_group_course_id_fkey" FOREIGN KEY ("course_id") REFERENCES "course"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "prerequisite_group" ADD CONSTRAINT "prerequisite_group_parent_id_fkey" FOREIGN KEY ("parent_id") REFERENCES "prerequisite_group"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "prerequisite_course" ADD CONSTRAINT "prerequisite_course_group_id_fkey" FOREIGN KEY ("group_id") REFERENCES "prerequisite_group"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "prerequisite_course" ADD CONSTRAINT "prerequisite_course_required_course_id_fkey" FOREIGN KEY ("required_course_id") REFERENCES "course"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "learning_path_step" ADD CONSTRAINT "learning_path_step_path_id_fkey" FOREIGN KEY ("path_id") REFERENCES "learning_path"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "learning_path_step" ADD CONSTRAINT "learning_path_step_course_id_fkey" FOREIGN KEY ("course_id") REFERENCES "course"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "course_session" ADD CONSTRAINT "course_session_course_id_fkey" FOREIGN KEY ("course_id") REFERENCES "course"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "enrolment" ADD CONSTRAINT "enrolment_session_id_fkey" FOREIGN KEY ("session_id") REFERENCES "course_session"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "budget_movement" ADD CONSTRAINT "budget_movement_budget_id_fkey" FOREIGN KEY ("budget_id") REFERENCES "training_budget"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "budget_movement" ADD CONSTRAINT "budget_movement_enrolment_id_fkey" FOREIGN KEY ("enrolment_id") REFERENCES "enrolment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "certificate" ADD CONSTRAINT "certificate_course_id_fkey" FOREIGN KEY ("course_id") REFERENCES "course"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "certificate" ADD CONSTRAINT "certificate_path_id_fkey" FOREIGN KEY ("path_id") REFERENCES "learning_path"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "certificate" ADD CONSTRAINT "certificate_enrolment_id_fkey" FOREIGN KEY ("enrolment_id") REFERENCES "enrolment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Rules Prisma's schema language cannot write (src/domain/README.md).
ALTER TABLE "course_session" ADD CONSTRAINT "course_session_seats_check" CHECK ("enrolled_count" BETWEEN 0 AND "capacity");
ALTER TABLE "course_session" ADD CONSTRAINT "course_session_capacity_check" CHECK ("capacity" BETWEEN 1 AND 500);
ALTER TABLE "course_session" ADD CONSTRAINT "course_session_times_check" CHECK ("ends_at" > "starts_at");
ALTER TABLE "enrolment" ADD CONSTRAINT "enrolment_active_check" CHECK (("status" = 'CANCELLED') = ("active_session_id" IS NULL));
ALTER TABLE "enrolment" ADD CONSTRAINT "enrolment_active_session_check" CHECK ("active_session_id" IS NULL OR "active_session_id" = "session_id");
ALTER TABLE "enrolment" ADD CONSTRAINT "enrolment_waitlist_check" CHECK ("status" <> 'WAITLISTED' OR "waitlist_position" IS NOT NULL);
ALTER TABLE "enrolment" ADD CONSTRAINT "enrolment_reserved_check" CHECK ("reserved_amount" >= 0);
ALTER TABLE "training_budget" ADD CONSTRAINT "training_budget_amounts_check" CHECK ("reserved" >= 0 AND "spent" >= 0 AND "reserved" + "spent" <= "granted");
ALTER TABLE "certificate" ADD CONSTRAINT "certificate_subject_check" CHECK (num_nonnulls("course_id", "path_id") = 1);
