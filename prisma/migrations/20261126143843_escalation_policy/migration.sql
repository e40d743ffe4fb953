-- CreateTable
CREATE TABLE "escalation_policy" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "org_id" UUID NOT NULL,
    "unit_id" UUID,
    "work_item_id" UUID,
    "ladder" JSONB NOT NULL,
    "updated_by" UUID,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "escalation_policy_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
-- NULLS NOT DISTINCT: one organisation default and one override per unit or work item.
CREATE UNIQUE INDEX "escalation_policy_org_id_unit_id_work_item_id_key" ON "escalation_policy"("org_id", "unit_id", "work_item_id") NULLS NOT DISTINCT;
