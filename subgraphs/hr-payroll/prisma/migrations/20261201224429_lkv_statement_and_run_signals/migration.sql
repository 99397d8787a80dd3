-- AlterTable
ALTER TABLE "employment" ADD COLUMN     "lkv_statement_requested_on" DATE;

-- CreateTable
CREATE TABLE "payroll_run_signal" (
    "id" TEXT NOT NULL,
    "run_id" TEXT NOT NULL,
    "member_id" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "code" TEXT NOT NULL,
    "employee_id" TEXT NOT NULL,
    "employment_id" TEXT NOT NULL,
    "amount" DECIMAL(12,2) NOT NULL,
    "message" TEXT NOT NULL,

    CONSTRAINT "payroll_run_signal_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "payroll_run_signal_run_id_code_position_idx" ON "payroll_run_signal"("run_id", "code", "position");

-- CreateIndex
CREATE INDEX "payroll_run_signal_member_id_idx" ON "payroll_run_signal"("member_id");

-- AddForeignKey
ALTER TABLE "payroll_run_signal" ADD CONSTRAINT "payroll_run_signal_run_id_fkey" FOREIGN KEY ("run_id") REFERENCES "payroll_run"("id") ON DELETE CASCADE ON UPDATE CASCADE;
