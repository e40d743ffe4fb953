-- A dispatched row keeps available_at pushed ahead by the lease, like a deferred or backed-off row;
-- leased_until marks the rows handed to the queue and not yet handled, so that when the queue has
-- lost its jobs (Redis restarted empty, the in-process queue died with its process) exactly those
-- can be made due again at once instead of after the lease.
-- AlterTable
ALTER TABLE "outbox" ADD COLUMN     "leased_until" TIMESTAMPTZ(3);

-- Only in-flight rows carry a lease, a handful among every row ever sent: the release reads them
-- without scanning the outbox. Partial indexes are not expressible in schema.prisma; kept here like the others.
CREATE INDEX "outbox_leased_idx" ON "outbox" ("leased_until") WHERE "leased_until" IS NOT NULL;
