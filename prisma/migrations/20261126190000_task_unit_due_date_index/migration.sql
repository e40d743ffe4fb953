-- The fulfilment and coverage reports read one unit's non-cancelled tasks due in a period. With only
-- (unit_id, status, due_at) they fetched every task of the unit and filtered on due_date: on a unit
-- of 50,000 tasks a month's report read ~38,000 heap blocks for ~3,500 rows (see bench/README.md).
-- Partial (both reports leave cancelled tasks out), so written by hand like the others.
CREATE INDEX "task_unit_due_date_live_idx" ON "task" ("unit_id", "due_date") WHERE "status" <> 'CANCELLED';
