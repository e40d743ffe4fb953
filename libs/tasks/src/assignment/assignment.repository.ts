import { Injectable } from '@nestjs/common';
import { PrismaService, type SqlTx, type Tx } from '#libs/core';
import type { PostStaffing } from './assignment.rules.js';

const onDay = (day: Date) => ({ startDate: { lte: day }, OR: [{ endDate: null }, { endDate: { gte: day } }] });

@Injectable()
export class AssignmentRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** Holder and backup holder of each post on `day`, in three queries whatever the number of posts. */
  async staffingOn(postIds: string[], day: Date, tx: SqlTx = this.prisma): Promise<Map<string, PostStaffing>> {
    // Raw SQL with id arrays: sweeps and generation ask for a thousand posts at once, where
    // Prisma's IN-list queries cost several times the database's own work in CPU.
    const date = day.toISOString().slice(0, 10);
    const posts = await tx.$queryRaw<{ id: string; backupPostId: string | null }[]>`
      SELECT id::text AS id, backup_post_id::text AS "backupPostId" FROM post WHERE id = ANY(${postIds}::uuid[])`;
    const allPosts = [...new Set([...postIds, ...posts.flatMap((p) => (p.backupPostId ? [p.backupPostId] : []))])];
    const holdings = await tx.$queryRaw<{ postId: string; personId: string }[]>`
      SELECT post_id::text AS "postId", person_id::text AS "personId" FROM post_assignment
       WHERE post_id = ANY(${allPosts}::uuid[]) AND start_date <= ${date}::date AND (end_date IS NULL OR end_date >= ${date}::date)
       ORDER BY acting ASC, start_date ASC`;
    // Ordered substantive first, so a later acting holder (代理) overwrites: they do the work.
    const holderOf = new Map<string, string>();
    for (const h of holdings) holderOf.set(h.postId, h.personId);
    return new Map(
      posts.map((p) => [
        p.id,
        { holder: holderOf.get(p.id) ?? null, backupHolder: p.backupPostId ? (holderOf.get(p.backupPostId) ?? null) : null },
      ]),
    );
  }

  async absentOn(personIds: string[], day: Date, tx: SqlTx = this.prisma): Promise<Set<string>> {
    if (personIds.length === 0) return new Set();
    const date = day.toISOString().slice(0, 10);
    const rows = await tx.$queryRaw<{ personId: string }[]>`
      SELECT DISTINCT person_id::text AS "personId" FROM absence
       WHERE person_id = ANY(${personIds}::uuid[]) AND cancelled_at IS NULL AND start_date <= ${date}::date AND end_date >= ${date}::date`;
    return new Set(rows.map((r) => r.personId));
  }

  /** Posts a person holds on a day (their tasks move when they are away). */
  async postsHeldBy(personId: string, day: Date, tx: Tx = this.prisma): Promise<string[]> {
    const rows = await tx.postAssignment.findMany({ where: { personId, ...onDay(day) }, select: { postId: true } });
    return rows.map((r) => r.postId);
  }

  /** Posts whose routing may change on `day`: holders whose absence starts that day or ended the day before. */
  async postsWithAbsenceBoundary(day: Date, dayBefore: Date): Promise<string[]> {
    const people = await this.prisma.absence.findMany({
      where: { OR: [{ startDate: day }, { endDate: dayBefore }] },
      select: { personId: true },
    });
    const ids = [...new Set(people.map((p) => p.personId))];
    if (ids.length === 0) return [];
    const posts = await this.prisma.postAssignment.findMany({ where: { personId: { in: ids }, ...onDay(day) }, select: { postId: true } });
    return [...new Set(posts.map((p) => p.postId))];
  }

  createAbsence(data: { personId: string; startDate: Date; endDate: Date; reason: string; recordedBy: string | null }, tx: Tx = this.prisma) {
    return tx.absence.create({ data });
  }

  findAbsence(id: string) {
    return this.prisma.absence.findUnique({ where: { id } });
  }

  async cancelAbsence(id: string, at: Date, tx: Tx = this.prisma): Promise<void> {
    await tx.absence.update({ where: { id }, data: { cancelledAt: at } });
  }
}
