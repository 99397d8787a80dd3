-- AlterTable
ALTER TABLE "employment" ADD COLUMN     "lkv_statement_requested_on" DATE;

-- AlterTable
ALTER TABLE "payroll_run" ADD COLUMN     "signals" JSONB NOT NULL DEFAULT '[]';
