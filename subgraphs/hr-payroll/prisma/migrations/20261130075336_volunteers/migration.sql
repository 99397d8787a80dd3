-- CreateTable
CREATE TABLE "volunteer" (
    "id" TEXT NOT NULL,
    "member_id" TEXT NOT NULL,
    "first_name" TEXT NOT NULL,
    "last_name" TEXT NOT NULL,
    "birth_date" DATE NOT NULL,
    "email" TEXT,
    "start_date" DATE NOT NULL,
    "end_date" DATE,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "volunteer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "volunteer_allowance_payment" (
    "id" TEXT NOT NULL,
    "volunteer_id" TEXT NOT NULL,
    "member_id" TEXT NOT NULL,
    "paid_on" DATE NOT NULL,
    "hours" DECIMAL(6,2) NOT NULL,
    "amount" DECIMAL(10,2) NOT NULL,
    "taxable" BOOLEAN NOT NULL DEFAULT false,
    "note" TEXT,
    "created_by" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "volunteer_allowance_payment_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "volunteer_member_id_last_name_idx" ON "volunteer"("member_id", "last_name");

-- CreateIndex
CREATE INDEX "volunteer_allowance_payment_volunteer_id_paid_on_idx" ON "volunteer_allowance_payment"("volunteer_id", "paid_on");

-- CreateIndex
CREATE INDEX "volunteer_allowance_payment_member_id_paid_on_idx" ON "volunteer_allowance_payment"("member_id", "paid_on");

-- AddForeignKey
ALTER TABLE "volunteer_allowance_payment" ADD CONSTRAINT "volunteer_allowance_payment_volunteer_id_fkey" FOREIGN KEY ("volunteer_id") REFERENCES "volunteer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
