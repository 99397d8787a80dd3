-- CreateTable
CREATE TABLE "opening_balance" (
    "employee_id" TEXT NOT NULL,
    "member_id" TEXT NOT NULL,
    "as_of" DATE NOT NULL,
    "holiday_allowance_accrued" DECIMAL(12,2),
    "holiday_allowance_accrued_on_wages" DECIMAL(12,2),
    "previous_year_annual_wage" DECIMAL(12,2),
    "ytd_gross_wage" DECIMAL(12,2),
    "ytd_holiday_allowance_paid" DECIMAL(12,2),
    "ytd_taxable_wage" DECIMAL(12,2),
    "ytd_wage_tax" DECIMAL(12,2),
    "ytd_premium_wage" DECIMAL(12,2),
    "ytd_employee_pension" DECIMAL(12,2),
    "ytd_employer_pension" DECIMAL(12,2),
    "ytd_employer_premiums" DECIMAL(12,2),
    "ytd_net_pay" DECIMAL(12,2),
    "ytd_lkv_claimed" DECIMAL(12,2),
    "entered_by" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "opening_balance_pkey" PRIMARY KEY ("employee_id")
);

-- CreateIndex
CREATE INDEX "opening_balance_member_id_as_of_idx" ON "opening_balance"("member_id", "as_of");

-- AddForeignKey
ALTER TABLE "opening_balance" ADD CONSTRAINT "opening_balance_employee_id_fkey" FOREIGN KEY ("employee_id") REFERENCES "employee"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
