-- CreateEnum
CREATE TYPE "ContractStatus" AS ENUM ('DRAFT', 'ACTIVE', 'ENDED');

-- CreateEnum
CREATE TYPE "TierBasis" AS ENUM ('ITEM_QUANTITY', 'CONTRACT_AMOUNT');

-- CreateEnum
CREATE TYPE "OrderStatus" AS ENUM ('SUBMITTED', 'APPROVED', 'REJECTED', 'ORDERED', 'DELIVERED', 'INVOICED', 'CLOSED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "OverBudget" AS ENUM ('REFUSE', 'APPROVAL');

-- CreateTable
CREATE TABLE "supplier" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kvk_number" TEXT NOT NULL,
    "vat_number" TEXT NOT NULL,
    "peppol_id" TEXT NOT NULL,
    "contact_name" TEXT NOT NULL,
    "contact_email" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "supplier_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "contract" (
    "id" TEXT NOT NULL,
    "supplier_id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "valid_from" DATE NOT NULL,
    "valid_until" DATE NOT NULL,
    "status" "ContractStatus" NOT NULL DEFAULT 'ACTIVE',
    "terms" TEXT NOT NULL,
    "tier_basis" "TierBasis" NOT NULL DEFAULT 'ITEM_QUANTITY',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "contract_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "contract_tier" (
    "id" TEXT NOT NULL,
    "contract_id" TEXT NOT NULL,
    "from_amount" DECIMAL(14,2) NOT NULL,
    "discount_percent" DECIMAL(5,2) NOT NULL,

    CONSTRAINT "contract_tier_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "item" (
    "id" TEXT NOT NULL,
    "contract_id" TEXT NOT NULL,
    "sku" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "unit" TEXT NOT NULL,
    "vat_rate" DECIMAL(4,2) NOT NULL,
    "list_price" DECIMAL(12,2) NOT NULL,

    CONSTRAINT "item_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "item_tier" (
    "id" TEXT NOT NULL,
    "item_id" TEXT NOT NULL,
    "from_quantity" INTEGER NOT NULL,
    "unit_price" DECIMAL(12,2) NOT NULL,

    CONSTRAINT "item_tier_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sector_volume" (
    "contract_id" TEXT NOT NULL,
    "item_id" TEXT NOT NULL,
    "quantity" INTEGER NOT NULL DEFAULT 0,
    "amount" DECIMAL(16,2) NOT NULL DEFAULT 0,

    CONSTRAINT "sector_volume_pkey" PRIMARY KEY ("contract_id","item_id")
);

-- CreateTable
CREATE TABLE "order" (
    "id" TEXT NOT NULL,
    "member_id" TEXT NOT NULL,
    "contract_id" TEXT NOT NULL,
    "idempotency_key" TEXT NOT NULL,
    "lock_sequence" SERIAL NOT NULL,
    "status" "OrderStatus" NOT NULL,
    "order_date" DATE NOT NULL,
    "total" DECIMAL(14,2) NOT NULL,
    "vat_total" DECIMAL(14,2) NOT NULL,
    "list_total" DECIMAL(14,2) NOT NULL,
    "submitted_by" TEXT NOT NULL,
    "submitted_at" TIMESTAMPTZ(3) NOT NULL,
    "decided_by" TEXT,
    "decided_at" TIMESTAMPTZ(3),
    "reject_reason" TEXT,
    "approval_reason" TEXT,
    "ordered_by" TEXT,
    "ordered_at" TIMESTAMPTZ(3),
    "expected_on" DATE,
    "delivered_on" DATE,
    "closed_at" TIMESTAMPTZ(3),

    CONSTRAINT "order_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "order_line" (
    "id" TEXT NOT NULL,
    "order_id" TEXT NOT NULL,
    "member_id" TEXT NOT NULL,
    "item_id" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "quantity" INTEGER NOT NULL,
    "unit_price" DECIMAL(12,2) NOT NULL,
    "list_price" DECIMAL(12,2) NOT NULL,
    "vat_rate" DECIMAL(4,2) NOT NULL,
    "amount" DECIMAL(14,2) NOT NULL,

    CONSTRAINT "order_line_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "member_procurement_settings" (
    "member_id" TEXT NOT NULL,
    "approval_threshold" DECIMAL(14,2) NOT NULL,
    "yearly_budget" DECIMAL(14,2),
    "over_budget" "OverBudget" NOT NULL DEFAULT 'REFUSE',
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "member_procurement_settings_pkey" PRIMARY KEY ("member_id")
);

-- CreateTable
CREATE TABLE "delivery" (
    "id" TEXT NOT NULL,
    "order_id" TEXT NOT NULL,
    "member_id" TEXT NOT NULL,
    "line_id" TEXT NOT NULL,
    "quantity" INTEGER NOT NULL,
    "received_on" DATE NOT NULL,
    "recorded_by" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "delivery_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "supplier_invoice" (
    "id" TEXT NOT NULL,
    "order_id" TEXT NOT NULL,
    "member_id" TEXT NOT NULL,
    "number" TEXT NOT NULL,
    "invoiced_on" DATE NOT NULL,
    "total" DECIMAL(14,2) NOT NULL,
    "vat_total" DECIMAL(14,2) NOT NULL,
    "recorded_by" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "supplier_invoice_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "supplier_invoice_line" (
    "id" TEXT NOT NULL,
    "invoice_id" TEXT NOT NULL,
    "line_id" TEXT NOT NULL,
    "quantity" INTEGER NOT NULL,
    "unit_price" DECIMAL(12,2) NOT NULL,

    CONSTRAINT "supplier_invoice_line_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "settlement" (
    "id" TEXT NOT NULL,
    "contract_id" TEXT NOT NULL,
    "period_from" DATE NOT NULL,
    "period_until" DATE NOT NULL,
    "total" DECIMAL(14,2) NOT NULL,
    "run_by" TEXT NOT NULL,
    "run_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "settlement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "rebate" (
    "id" TEXT NOT NULL,
    "settlement_id" TEXT NOT NULL,
    "member_id" TEXT NOT NULL,
    "amount" DECIMAL(14,2) NOT NULL,
    "lines" INTEGER NOT NULL,

    CONSTRAINT "rebate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "category_budget" (
    "member_id" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "yearly_budget" DECIMAL(14,2) NOT NULL,

    CONSTRAINT "category_budget_pkey" PRIMARY KEY ("member_id","category")
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
CREATE UNIQUE INDEX "supplier_kvk_number_key" ON "supplier"("kvk_number");

-- CreateIndex
CREATE INDEX "contract_valid_from_valid_until_idx" ON "contract"("valid_from", "valid_until");

-- CreateIndex
CREATE UNIQUE INDEX "contract_tier_contract_id_from_amount_key" ON "contract_tier"("contract_id", "from_amount");

-- CreateIndex
CREATE UNIQUE INDEX "item_contract_id_sku_key" ON "item"("contract_id", "sku");

-- CreateIndex
CREATE UNIQUE INDEX "item_tier_item_id_from_quantity_key" ON "item_tier"("item_id", "from_quantity");

-- CreateIndex
CREATE UNIQUE INDEX "order_lock_sequence_key" ON "order"("lock_sequence");

-- CreateIndex
CREATE INDEX "order_member_id_order_date_idx" ON "order"("member_id", "order_date");

-- CreateIndex
CREATE INDEX "order_contract_id_order_date_idx" ON "order"("contract_id", "order_date");

-- CreateIndex
CREATE UNIQUE INDEX "order_member_id_idempotency_key_key" ON "order"("member_id", "idempotency_key");

-- CreateIndex
CREATE INDEX "order_line_member_id_idx" ON "order_line"("member_id");

-- CreateIndex
CREATE UNIQUE INDEX "order_line_order_id_position_key" ON "order_line"("order_id", "position");

-- CreateIndex
CREATE INDEX "delivery_order_id_idx" ON "delivery"("order_id");

-- CreateIndex
CREATE INDEX "delivery_member_id_received_on_idx" ON "delivery"("member_id", "received_on");

-- CreateIndex
CREATE INDEX "supplier_invoice_member_id_invoiced_on_idx" ON "supplier_invoice"("member_id", "invoiced_on");

-- CreateIndex
CREATE UNIQUE INDEX "supplier_invoice_order_id_number_key" ON "supplier_invoice"("order_id", "number");

-- CreateIndex
CREATE INDEX "supplier_invoice_line_invoice_id_idx" ON "supplier_invoice_line"("invoice_id");

-- CreateIndex
CREATE INDEX "supplier_invoice_line_line_id_idx" ON "supplier_invoice_line"("line_id");

-- CreateIndex
CREATE UNIQUE INDEX "settlement_contract_id_period_from_period_until_key" ON "settlement"("contract_id", "period_from", "period_until");

-- CreateIndex
CREATE INDEX "rebate_member_id_idx" ON "rebate"("member_id");

-- CreateIndex
CREATE UNIQUE INDEX "rebate_settlement_id_member_id_key" ON "rebate"("settlement_id", "member_id");

-- CreateIndex
CREATE INDEX "audit_log_entry_entity_type_entity_id_at_idx" ON "audit_log_entry"("entity_type", "entity_id", "at");

-- CreateIndex
CREATE INDEX "audit_log_entry_member_id_at_idx" ON "audit_log_entry"("member_id", "at");

-- AddForeignKey
ALTER TABLE "contract" ADD CONSTRAINT "contract_supplier_id_fkey" FOREIGN KEY ("supplier_id") REFERENCES "supplier"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "contract_tier" ADD CONSTRAINT "contract_tier_contract_id_fkey" FOREIGN KEY ("contract_id") REFERENCES "contract"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "item" ADD CONSTRAINT "item_contract_id_fkey" FOREIGN KEY ("contract_id") REFERENCES "contract"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "item_tier" ADD CONSTRAINT "item_tier_item_id_fkey" FOREIGN KEY ("item_id") REFERENCES "item"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sector_volume" ADD CONSTRAINT "sector_volume_contract_id_fkey" FOREIGN KEY ("contract_id") REFERENCES "contract"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "order" ADD CONSTRAINT "order_contract_id_fkey" FOREIGN KEY ("contract_id") REFERENCES "contract"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "order_line" ADD CONSTRAINT "order_line_order_id_fkey" FOREIGN KEY ("order_id") REFERENCES "order"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "order_line" ADD CONSTRAINT "order_line_item_id_fkey" FOREIGN KEY ("item_id") REFERENCES "item"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "delivery" ADD CONSTRAINT "delivery_order_id_fkey" FOREIGN KEY ("order_id") REFERENCES "order"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "delivery" ADD CONSTRAINT "delivery_line_id_fkey" FOREIGN KEY ("line_id") REFERENCES "order_line"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "supplier_invoice" ADD CONSTRAINT "supplier_invoice_order_id_fkey" FOREIGN KEY ("order_id") REFERENCES "order"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "supplier_invoice_line" ADD CONSTRAINT "supplier_invoice_line_invoice_id_fkey" FOREIGN KEY ("invoice_id") REFERENCES "supplier_invoice"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "supplier_invoice_line" ADD CONSTRAINT "supplier_invoice_line_line_id_fkey" FOREIGN KEY ("line_id") REFERENCES "order_line"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "rebate" ADD CONSTRAINT "rebate_settlement_id_fkey" FOREIGN KEY ("settlement_id") REFERENCES "settlement"("id") ON DELETE CASCADE ON UPDATE CASCADE;
