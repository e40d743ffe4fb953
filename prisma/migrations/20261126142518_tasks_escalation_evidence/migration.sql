-- CreateEnum
CREATE TYPE "task_kind" AS ENUM ('RECURRING', 'AD_HOC');

-- CreateEnum
CREATE TYPE "task_status" AS ENUM ('ISSUED', 'ACCEPTED', 'IN_PROGRESS', 'SUBMITTED', 'REVIEWED', 'DONE', 'CANCELLED');

-- CreateEnum
CREATE TYPE "extension_status" AS ENUM ('PENDING', 'APPROVED', 'REJECTED');

-- CreateEnum
CREATE TYPE "outbox_channel" AS ENUM ('EMAIL', 'IN_APP');

-- CreateEnum
CREATE TYPE "outbox_status" AS ENUM ('PENDING', 'SENT', 'FAILED');

-- CreateEnum
CREATE TYPE "evidence_kind" AS ENUM ('FILE', 'NOTE', 'LINK', 'DOC_NUMBER', 'MINUTES');

-- AlterTable
ALTER TABLE "work_item" ADD COLUMN     "required_evidence" TEXT[];

-- CreateTable
CREATE TABLE "schedule" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "work_item_id" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "recurrence" JSONB NOT NULL,
    "deadline_rule" JSONB,
    "lead_workdays" INTEGER NOT NULL DEFAULT 0,
    "start_date" DATE NOT NULL,
    "end_date" DATE,
    "checklist" TEXT[],
    "required_evidence" TEXT[],
    "generated_through" DATE,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "created_by" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "schedule_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "task" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "kind" "task_kind" NOT NULL,
    "unit_id" UUID NOT NULL,
    "post_id" UUID NOT NULL,
    "assignee_person_id" UUID,
    "acting_for_person_id" UUID,
    "work_item_id" UUID,
    "schedule_id" UUID,
    "occurrence_date" DATE,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "status" "task_status" NOT NULL DEFAULT 'ISSUED',
    "review_steps" "post_kind"[],
    "review_index" INTEGER NOT NULL DEFAULT 0,
    "assigned_by_id" UUID,
    "assigned_by_post_id" UUID,
    "assigned_on" DATE NOT NULL,
    "issued_at" TIMESTAMPTZ(3) NOT NULL,
    "late_issued" BOOLEAN NOT NULL DEFAULT false,
    "deadline_rule" JSONB,
    "due_date" DATE NOT NULL,
    "due_at" TIMESTAMPTZ(3) NOT NULL,
    "deadline_provisional" BOOLEAN NOT NULL DEFAULT false,
    "deadline_explanation" TEXT,
    "checklist" JSONB NOT NULL DEFAULT '[]',
    "required_evidence" TEXT[],
    "return_reason" TEXT,
    "cancel_reason" TEXT,
    "accepted_at" TIMESTAMPTZ(3),
    "submitted_at" TIMESTAMPTZ(3),
    "completed_at" TIMESTAMPTZ(3),
    "cancelled_at" TIMESTAMPTZ(3),
    "next_escalation_at" TIMESTAMPTZ(3),
    "escalation_level" INTEGER NOT NULL DEFAULT -1,
    "escalation_cycle" INTEGER NOT NULL DEFAULT 0,
    "version" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "task_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "absence" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "person_id" UUID NOT NULL,
    "start_date" DATE NOT NULL,
    "end_date" DATE NOT NULL,
    "reason" TEXT NOT NULL DEFAULT '',
    "recorded_by" UUID,
    "cancelled_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "absence_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "extension_request" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "task_id" UUID NOT NULL,
    "requested_by" UUID NOT NULL,
    "reason" TEXT NOT NULL,
    "new_due_date" DATE NOT NULL,
    "status" "extension_status" NOT NULL DEFAULT 'PENDING',
    "decided_by" UUID,
    "decided_at" TIMESTAMPTZ(3),
    "decision_note" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "extension_request_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "escalation" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "task_id" UUID NOT NULL,
    "level" INTEGER NOT NULL,
    "cycle" INTEGER NOT NULL DEFAULT 0,
    "due_at" TIMESTAMPTZ(3) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "recipients" JSONB NOT NULL,
    "overdue_workdays" INTEGER NOT NULL DEFAULT 0,
    "acknowledged_at" TIMESTAMPTZ(3),
    "acknowledged_by" UUID,

    CONSTRAINT "escalation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "outbox" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "channel" "outbox_channel" NOT NULL,
    "recipient_person_id" UUID NOT NULL,
    "escalation_id" UUID,
    "task_id" UUID,
    "payload" JSONB NOT NULL,
    "status" "outbox_status" NOT NULL DEFAULT 'PENDING',
    "available_at" TIMESTAMPTZ(3) NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "last_error" TEXT,
    "sent_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "outbox_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "notification" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "person_id" UUID NOT NULL,
    "task_id" UUID,
    "escalation_id" UUID,
    "outbox_id" UUID,
    "level" INTEGER,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "read_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "notification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "evidence" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "task_id" UUID NOT NULL,
    "kind" "evidence_kind" NOT NULL,
    "supersedes_id" UUID,
    "content" JSONB NOT NULL DEFAULT '{}',
    "file_name" TEXT,
    "storage_key" TEXT,
    "mime_type" TEXT,
    "size" BIGINT,
    "sha256" TEXT,
    "created_by" UUID NOT NULL,
    "acting_for_post_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "evidence_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "schedule_work_item_id_idx" ON "schedule"("work_item_id");

-- CreateIndex
CREATE INDEX "task_assignee_person_id_status_idx" ON "task"("assignee_person_id", "status");

-- CreateIndex
CREATE INDEX "task_post_id_status_idx" ON "task"("post_id", "status");

-- CreateIndex
CREATE INDEX "task_unit_id_status_due_at_idx" ON "task"("unit_id", "status", "due_at");

-- CreateIndex
CREATE INDEX "task_work_item_id_idx" ON "task"("work_item_id");

-- CreateIndex
CREATE UNIQUE INDEX "task_schedule_id_occurrence_date_key" ON "task"("schedule_id", "occurrence_date");

-- CreateIndex
CREATE INDEX "absence_person_id_start_date_idx" ON "absence"("person_id", "start_date");

-- CreateIndex
CREATE INDEX "extension_request_task_id_idx" ON "extension_request"("task_id");

-- CreateIndex
CREATE INDEX "escalation_created_at_idx" ON "escalation"("created_at");

-- CreateIndex
CREATE UNIQUE INDEX "escalation_task_id_level_cycle_key" ON "escalation"("task_id", "level", "cycle");

-- CreateIndex
CREATE INDEX "outbox_status_available_at_idx" ON "outbox"("status", "available_at");

-- CreateIndex
CREATE INDEX "outbox_escalation_id_idx" ON "outbox"("escalation_id");

-- CreateIndex
CREATE UNIQUE INDEX "notification_outbox_id_key" ON "notification"("outbox_id");

-- CreateIndex
CREATE INDEX "notification_person_id_read_at_created_at_idx" ON "notification"("person_id", "read_at", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "evidence_supersedes_id_key" ON "evidence"("supersedes_id");

-- CreateIndex
CREATE INDEX "evidence_task_id_idx" ON "evidence"("task_id");

-- AddForeignKey
ALTER TABLE "schedule" ADD CONSTRAINT "schedule_work_item_id_fkey" FOREIGN KEY ("work_item_id") REFERENCES "work_item"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "task" ADD CONSTRAINT "task_schedule_id_fkey" FOREIGN KEY ("schedule_id") REFERENCES "schedule"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "extension_request" ADD CONSTRAINT "extension_request_task_id_fkey" FOREIGN KEY ("task_id") REFERENCES "task"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "escalation" ADD CONSTRAINT "escalation_task_id_fkey" FOREIGN KEY ("task_id") REFERENCES "task"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "evidence" ADD CONSTRAINT "evidence_task_id_fkey" FOREIGN KEY ("task_id") REFERENCES "task"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- The escalation sweep reads only tasks whose next escalation time has come: its cost follows
-- what is due, not what is open.
CREATE INDEX "task_next_escalation_due_idx" ON "task" ("next_escalation_at") WHERE "next_escalation_at" IS NOT NULL;

-- Open tasks per assignee and per unit (inboxes, boards) without scanning finished work.
CREATE INDEX "task_open_assignee_due_idx" ON "task" ("assignee_person_id", "due_at") WHERE "status" NOT IN ('DONE', 'CANCELLED');

-- At most one undecided extension request per task.
CREATE UNIQUE INDEX "extension_request_one_pending_idx" ON "extension_request" ("task_id") WHERE "status" = 'PENDING';

-- Delivery picks pending rows whose time has come.
CREATE INDEX "outbox_pending_idx" ON "outbox" ("available_at") WHERE "status" = 'PENDING';

-- A deadline is the end of its due date unless an organisation sets an earlier cut-off.
ALTER TABLE "organisation" ALTER COLUMN "deadline_cutoff" SET DEFAULT '24:00';
