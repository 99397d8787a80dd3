-- AlterTable
ALTER TABLE "order" ADD COLUMN     "delivery_branch_id" TEXT;
