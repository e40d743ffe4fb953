import { Injectable } from '@nestjs/common';
import { PrismaService } from '#libs/core';
import type { PostDetail, PostSummary, UnitRef, UnitSummary } from './org.types.js';

const isoDate = (d: Date) => d.toISOString().slice(0, 10);

const UNIT_REF = { id: true, name: true, code: true, org: { select: { code: true, name: true } } } as const;

@Injectable()
export class OrgRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** Every unit, or only those listed (`unitIds`). */
  async listUnits(unitIds?: string[]): Promise<UnitSummary[]> {
    const units = await this.prisma.unit.findMany({
      where: unitIds ? { id: { in: unitIds } } : undefined,
      orderBy: [{ org: { code: 'asc' } }, { code: 'asc' }],
      include: { org: true, _count: { select: { posts: { where: { retiredAt: null } } } } },
    });
    return units.map((u) => ({
      id: u.id,
      code: u.code,
      name: u.name,
      organisation: { id: u.org.id, code: u.org.code, name: u.org.name },
      postCount: u._count.posts,
    }));
  }

  async listPostsOfUnit(unitId: string): Promise<PostSummary[] | null> {
    const unit = await this.prisma.unit.findUnique({
      where: { id: unitId },
      include: { posts: { where: { retiredAt: null }, orderBy: { seq: 'asc' } } },
    });
    return unit ? unit.posts.map(toSummary) : null;
  }

  /** What access rules need about a post; null when there is no such post. */
  findPostRef(postId: string): Promise<{ id: string; unitId: string; reportsToId: string | null } | null> {
    return this.prisma.post.findUnique({ where: { id: postId }, select: { id: true, unitId: true, reportsToId: true } });
  }

  /** The post with its live work items and the people holding it on `today` (a local date). */
  async findPostDetail(postId: string, today: Date): Promise<PostDetail | null> {
    const post = await this.prisma.post.findUnique({
      where: { id: postId },
      include: {
        unit: true,
        assignments: {
          where: { startDate: { lte: today }, OR: [{ endDate: null }, { endDate: { gte: today } }] },
          include: { person: true },
          orderBy: { startDate: 'asc' },
        },
        workItems: {
          where: { retiredAt: null },
          orderBy: { seq: 'asc' },
          include: {
            functions: { where: { retiredAt: null }, orderBy: { seq: 'asc' } },
            responsibilities: { where: { retiredAt: null }, orderBy: { seq: 'asc' } },
            cooperations: { where: { retiredAt: null }, include: { post: true } },
          },
        },
      },
    });
    if (!post) return null;
    return {
      ...toSummary(post),
      unit: { id: post.unit.id, name: post.unit.name },
      holders: post.assignments.map((a) => ({
        personId: a.personId,
        name: a.person.name,
        acting: a.acting,
        since: isoDate(a.startDate),
      })),
      workItems: post.workItems.map((w) => ({
        id: w.id,
        seq: w.seq,
        title: w.title,
        functions: w.functions.map((f) => f.text),
        responsibilities: w.responsibilities.map((r) => ({ type: r.type, label: r.label, text: r.text })),
        workflowRefs: w.workflowRefs,
        cooperations: w.cooperations.map((c) => ({ postId: c.postId, postCode: c.post.code, text: c.text })),
        remarks: w.remarks,
      })),
    };
  }

  upsertOrganisation(code: string, name: string) {
    return this.prisma.organisation.upsert({ where: { code }, create: { code, name }, update: {} });
  }

  findUnitByName(orgId: string, name: string) {
    return this.prisma.unit.findUnique({ where: { orgId_name: { orgId, name } }, include: { posts: true } });
  }

  findUnitById(unitId: string): Promise<UnitRef | null> {
    return this.prisma.unit.findUnique({ where: { id: unitId }, select: UNIT_REF });
  }

  /** Units of that name in every organisation, or only in the organisation with `orgCode`. */
  findUnitsByName(name: string, orgCode?: string): Promise<UnitRef[]> {
    return this.prisma.unit.findMany({ where: { name, ...(orgCode ? { org: { code: orgCode } } : {}) }, select: UNIT_REF });
  }

  findLivePostByCode(unitId: string, code: string): Promise<PostSummary | null> {
    return this.prisma.post
      .findFirst({ where: { unitId, code, retiredAt: null } })
      .then((p) => p && toSummary(p));
  }

  /** The substantive holder on a local date (acting holders stand in, they do not hold). */
  findSubstantiveHolder(postId: string, onDate: Date): Promise<{ personId: string } | null> {
    return this.prisma.postAssignment.findFirst({
      where: { postId, acting: false, startDate: { lte: onDate }, OR: [{ endDate: null }, { endDate: { gte: onDate } }] },
      orderBy: { startDate: 'desc' },
      select: { personId: true },
    });
  }

  createPerson(data: { name: string; email?: string | null; phone?: string | null }) {
    return this.prisma.person.create({ data });
  }

  /** Ends the current substantive holding (the day before) and starts the new one, atomically. */
  async assignPost(postId: string, personId: string, startDate: Date, acting: boolean): Promise<void> {
    await this.prisma.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`post:${postId}`}, 0))`;
      if (!acting) {
        const dayBefore = new Date(startDate.getTime() - 86_400_000);
        await tx.postAssignment.updateMany({
          where: { postId, acting: false, startDate: { lt: startDate }, OR: [{ endDate: null }, { endDate: { gte: startDate } }] },
          data: { endDate: dayBefore },
        });
      }
      await tx.postAssignment.create({ data: { postId, personId, startDate, acting } });
    });
  }

  hasHolder(postId: string, onDate: Date): Promise<boolean> {
    return this.prisma.postAssignment
      .count({ where: { postId, startDate: { lte: onDate }, OR: [{ endDate: null }, { endDate: { gte: onDate } }] } })
      .then((n) => n > 0);
  }

  async setBackupPost(postId: string, backupPostId: string | null): Promise<void> {
    await this.prisma.post.update({ where: { id: postId }, data: { backupPostId } });
  }

  workItemsOfPost(postId: string) {
    return this.prisma.workItem.findMany({ where: { postId, retiredAt: null }, orderBy: { seq: 'asc' }, select: { id: true, title: true } });
  }
}

function toSummary(p: PostSummary): PostSummary {
  return {
    id: p.id,
    unitId: p.unitId,
    kind: p.kind,
    code: p.code,
    name: p.name,
    title: p.title,
    reportsToId: p.reportsToId,
    backupPostId: p.backupPostId,
  };
}
