-- CreateTable
CREATE TABLE "step_change" (
    "id" TEXT NOT NULL,
    "employment_id" TEXT NOT NULL,
    "member_id" TEXT NOT NULL,
    "effective_from" DATE NOT NULL,
    "cao_scale" INTEGER NOT NULL,
    "from_step" INTEGER NOT NULL,
    "to_step" INTEGER NOT NULL,
    "recorded_by" TEXT NOT NULL,
    "recorded_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "step_change_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "step_change_employment_id_effective_from_idx" ON "step_change"("employment_id", "effective_from");

-- CreateIndex
CREATE INDEX "step_change_member_id_recorded_at_idx" ON "step_change"("member_id", "recorded_at");

-- AddForeignKey
ALTER TABLE "step_change" ADD CONSTRAINT "step_change_employment_id_fkey" FOREIGN KEY ("employment_id") REFERENCES "employment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
