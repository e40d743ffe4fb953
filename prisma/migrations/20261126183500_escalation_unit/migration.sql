-- An escalation carries its task's unit (a task never changes unit): the chief's report then reads
-- one unit's 催办/督办 of a period from its own index instead of a month of the whole organisation's.
ALTER TABLE "escalation" ADD COLUMN "unit_id" UUID;
UPDATE "escalation" e SET "unit_id" = t."unit_id" FROM "task" t WHERE t."id" = e."task_id";
ALTER TABLE "escalation" ALTER COLUMN "unit_id" SET NOT NULL;

DROP INDEX "escalation_serious_due_idx";
CREATE INDEX "escalation_unit_serious_due_idx" ON "escalation" ("unit_id", "due_at") WHERE "level" >= 2;
