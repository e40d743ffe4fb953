-- The chief's overdue-escalation report reads L2 催办 / L3 督办 by the time they fell due; without
-- this it scans every escalation of the organisation (see bench/api for the measured effect).
-- Partial indexes are not expressible in schema.prisma; kept here like the others.
CREATE INDEX "escalation_serious_due_idx" ON "escalation" ("due_at", "task_id") WHERE "level" >= 2;
