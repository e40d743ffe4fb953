-- CreateEnum
CREATE TYPE "post_kind" AS ENUM ('CHIEF', 'DEPUTY', 'OFFICER');

-- CreateEnum
CREATE TYPE "responsibility_type" AS ENUM ('DECISION', 'REVIEW', 'PRELIMINARY_REVIEW', 'REPORT', 'EXECUTION', 'SUPERVISION', 'INTAKE', 'COORDINATION', 'REQUEST_REPORT', 'ORGANISE_DRAFTING', 'SUBMIT_FOR_APPROVAL', 'ORGANISE_IMPLEMENTATION', 'REVIEW_ACCEPTANCE', 'SUMMARY_REPORT', 'OTHER');

-- CreateEnum
CREATE TYPE "day_kind" AS ENUM ('WORKDAY', 'WEEKEND', 'HOLIDAY', 'MAKEUP_WORKDAY');

-- CreateEnum
CREATE TYPE "calendar_source" AS ENUM ('PACKAGE', 'IMPORT', 'MANUAL');

-- CreateTable
CREATE TABLE "organisation" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "deadline_cutoff" TEXT NOT NULL DEFAULT '23:59',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "organisation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "unit" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "org_id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "unit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "post" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "unit_id" UUID NOT NULL,
    "kind" "post_kind" NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "reports_to_id" UUID,
    "backup_post_id" UUID,
    "retired_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "post_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "person" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "name" TEXT NOT NULL,
    "email" TEXT,
    "phone" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "person_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "post_assignment" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "post_id" UUID NOT NULL,
    "person_id" UUID NOT NULL,
    "start_date" DATE NOT NULL,
    "end_date" DATE,
    "acting" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "post_assignment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "catalog_revision" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "unit_id" UUID NOT NULL,
    "revision" INTEGER NOT NULL,
    "source_name" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "summary" JSONB NOT NULL,
    "created_by" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "catalog_revision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "work_item" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "post_id" UUID NOT NULL,
    "seq" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "workflow_refs" TEXT[],
    "remarks" TEXT,
    "retired_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "work_item_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "function_statement" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "work_item_id" UUID NOT NULL,
    "seq" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "retired_at" TIMESTAMPTZ(3),

    CONSTRAINT "function_statement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "responsibility" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "work_item_id" UUID NOT NULL,
    "seq" INTEGER NOT NULL,
    "type" "responsibility_type",
    "label" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "retired_at" TIMESTAMPTZ(3),

    CONSTRAINT "responsibility_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "cooperation" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "work_item_id" UUID NOT NULL,
    "post_id" UUID NOT NULL,
    "text" TEXT NOT NULL,
    "retired_at" TIMESTAMPTZ(3),

    CONSTRAINT "cooperation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "calendar_day" (
    "org_id" UUID NOT NULL,
    "date" DATE NOT NULL,
    "workday" BOOLEAN NOT NULL,
    "kind" "day_kind" NOT NULL,
    "name" TEXT,
    "source" "calendar_source" NOT NULL,
    "updated_by" UUID,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "calendar_day_pkey" PRIMARY KEY ("org_id","date")
);

-- CreateTable
CREATE TABLE "calendar_year" (
    "org_id" UUID NOT NULL,
    "year" INTEGER NOT NULL,
    "source" "calendar_source" NOT NULL,
    "loaded_by" UUID,
    "loaded_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "calendar_year_pkey" PRIMARY KEY ("org_id","year")
);

-- CreateTable
CREATE TABLE "app_user" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "username" TEXT NOT NULL,
    "password_hash" TEXT NOT NULL,
    "person_id" UUID,
    "is_admin" BOOLEAN NOT NULL DEFAULT false,
    "disabled_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "app_user_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "auth_session" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "user_id" UUID NOT NULL,
    "refresh_token_hash" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "revoked_at" TIMESTAMPTZ(3),
    "ip" TEXT,
    "user_agent" TEXT,

    CONSTRAINT "auth_session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "history_event" (
    "id" BIGSERIAL NOT NULL,
    "stream" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "type" TEXT NOT NULL,
    "actor_user_id" UUID,
    "actor_person_id" UUID,
    "acting_for_post_id" UUID,
    "subject_id" TEXT,
    "data" JSONB NOT NULL,
    "prev_hash" TEXT NOT NULL,
    "hash" TEXT NOT NULL,

    CONSTRAINT "history_event_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "organisation_code_key" ON "organisation"("code");

-- CreateIndex
CREATE UNIQUE INDEX "unit_org_id_name_key" ON "unit"("org_id", "name");

-- CreateIndex
CREATE UNIQUE INDEX "unit_org_id_code_key" ON "unit"("org_id", "code");

-- CreateIndex
CREATE INDEX "post_reports_to_id_idx" ON "post"("reports_to_id");

-- CreateIndex
CREATE UNIQUE INDEX "post_unit_id_code_key" ON "post"("unit_id", "code");

-- CreateIndex
CREATE INDEX "post_assignment_post_id_start_date_idx" ON "post_assignment"("post_id", "start_date");

-- CreateIndex
CREATE INDEX "post_assignment_person_id_idx" ON "post_assignment"("person_id");

-- CreateIndex
CREATE UNIQUE INDEX "catalog_revision_unit_id_revision_key" ON "catalog_revision"("unit_id", "revision");

-- CreateIndex
CREATE UNIQUE INDEX "work_item_post_id_title_key" ON "work_item"("post_id", "title");

-- CreateIndex
CREATE INDEX "function_statement_work_item_id_idx" ON "function_statement"("work_item_id");

-- CreateIndex
CREATE INDEX "responsibility_work_item_id_idx" ON "responsibility"("work_item_id");

-- CreateIndex
CREATE UNIQUE INDEX "cooperation_work_item_id_post_id_key" ON "cooperation"("work_item_id", "post_id");

-- CreateIndex
CREATE UNIQUE INDEX "app_user_username_key" ON "app_user"("username");

-- CreateIndex
CREATE UNIQUE INDEX "app_user_person_id_key" ON "app_user"("person_id");

-- CreateIndex
CREATE INDEX "auth_session_user_id_idx" ON "auth_session"("user_id");

-- CreateIndex
CREATE INDEX "history_event_type_at_idx" ON "history_event"("type", "at");

-- CreateIndex
CREATE INDEX "history_event_subject_id_idx" ON "history_event"("subject_id");

-- CreateIndex
CREATE UNIQUE INDEX "history_event_stream_seq_key" ON "history_event"("stream", "seq");

-- AddForeignKey
ALTER TABLE "unit" ADD CONSTRAINT "unit_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "post" ADD CONSTRAINT "post_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "post" ADD CONSTRAINT "post_reports_to_id_fkey" FOREIGN KEY ("reports_to_id") REFERENCES "post"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "post" ADD CONSTRAINT "post_backup_post_id_fkey" FOREIGN KEY ("backup_post_id") REFERENCES "post"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "post_assignment" ADD CONSTRAINT "post_assignment_post_id_fkey" FOREIGN KEY ("post_id") REFERENCES "post"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "post_assignment" ADD CONSTRAINT "post_assignment_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "catalog_revision" ADD CONSTRAINT "catalog_revision_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "work_item" ADD CONSTRAINT "work_item_post_id_fkey" FOREIGN KEY ("post_id") REFERENCES "post"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "function_statement" ADD CONSTRAINT "function_statement_work_item_id_fkey" FOREIGN KEY ("work_item_id") REFERENCES "work_item"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "responsibility" ADD CONSTRAINT "responsibility_work_item_id_fkey" FOREIGN KEY ("work_item_id") REFERENCES "work_item"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "cooperation" ADD CONSTRAINT "cooperation_work_item_id_fkey" FOREIGN KEY ("work_item_id") REFERENCES "work_item"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "cooperation" ADD CONSTRAINT "cooperation_post_id_fkey" FOREIGN KEY ("post_id") REFERENCES "post"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "calendar_day" ADD CONSTRAINT "calendar_day_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "calendar_year" ADD CONSTRAINT "calendar_year_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "app_user" ADD CONSTRAINT "app_user_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "auth_session" ADD CONSTRAINT "auth_session_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- History is append-only (履职留痕): the application's database role can neither change nor remove
-- a recorded event. Tampering by a superuser (who can bypass triggers) is caught by the hash chain.
CREATE FUNCTION history_event_refuse_change() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'history_event is append-only: % refused', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER history_event_append_only
  BEFORE UPDATE OR DELETE ON "history_event"
  FOR EACH ROW EXECUTE FUNCTION history_event_refuse_change();

CREATE TRIGGER history_event_no_truncate
  BEFORE TRUNCATE ON "history_event"
  FOR EACH STATEMENT EXECUTE FUNCTION history_event_refuse_change();
