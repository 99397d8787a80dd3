-- AlterTable
ALTER TABLE "member_payroll_settings" ADD COLUMN     "aof_small_employer" BOOLEAN,
ADD COLUMN     "whk_percent" DECIMAL(5,2);
