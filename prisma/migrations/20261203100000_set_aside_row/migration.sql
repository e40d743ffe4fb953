-- A row (a task the sweep claims, a schedule generation reads, an outbox row dispatch or delivery
-- handles) whose processing threw is set aside here with its error, so that the rest of its batch
-- goes on; it is retried after retry_after (with backoff) and deleted once it goes through.
-- CreateTable
CREATE TABLE "set_aside_row" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "kind" TEXT NOT NULL,
    "ref_id" UUID NOT NULL,
    "error_code" TEXT NOT NULL,
    "error_message" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 1,
    "first_failed_at" TIMESTAMPTZ(3) NOT NULL,
    "last_failed_at" TIMESTAMPTZ(3) NOT NULL,
    "retry_after" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "set_aside_row_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "set_aside_row_kind_ref_id_key" ON "set_aside_row"("kind", "ref_id");
