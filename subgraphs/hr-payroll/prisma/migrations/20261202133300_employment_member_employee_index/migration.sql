-- CreateIndex
CREATE INDEX "employment_member_id_employee_id_start_date_idx" ON "employment"("member_id", "employee_id", "start_date");
