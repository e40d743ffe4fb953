import { Injectable } from '@nestjs/common';
import type { Prisma } from '@prisma/client';
import { PrismaService, type Tx } from '#libs/core';
import type { ImportCounts, ImportPlan, StoredPost } from './catalogue.types.js';

const LIVE = { retiredAt: null };

@Injectable()
export class DutyListRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** One transaction per file: the database is unchanged unless the whole import succeeds. */
  transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
    return this.prisma.$transaction((tx) => fn(tx), { timeout: 60_000, maxWait: 10_000 });
  }

  async findOrganisation(tx: Tx, code?: string): Promise<{ id: string; code: string; name: string } | null> {
    if (code) return tx.organisation.findUnique({ where: { code } });
    const orgs = await tx.organisation.findMany({ take: 2, orderBy: { createdAt: 'asc' } });
    return orgs.length === 1 ? orgs[0] : null;
  }

  /** Serialises imports of the same unit so two admins cannot interleave revisions. */
  async lockUnit(tx: Tx, orgId: string, unitName: string): Promise<void> {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`duty-list:${orgId}:${unitName}`}, 0))`;
  }

  findUnit(tx: Tx, orgId: string, name: string) {
    return tx.unit.findUnique({ where: { orgId_name: { orgId, name } } });
  }

  async createUnit(tx: Tx, orgId: string, name: string) {
    const count = await tx.unit.count({ where: { orgId } });
    return tx.unit.create({ data: { orgId, name, code: `U${String(count + 1).padStart(3, '0')}` } });
  }

  async latestRevision(tx: Tx, unitId: string): Promise<number> {
    const last = await tx.catalogRevision.findFirst({ where: { unitId }, orderBy: { revision: 'desc' } });
    return last?.revision ?? 0;
  }

  async createRevision(
    tx: Tx,
    data: { unitId: string; revision: number; sourceName: string; sha256: string; summary: ImportCounts; createdBy?: string },
  ): Promise<void> {
    await tx.catalogRevision.create({ data: { ...data, summary: data.summary as unknown as Prisma.InputJsonValue } });
  }

  async loadCatalogue(tx: Tx, unitId: string): Promise<StoredPost[]> {
    const posts = await tx.post.findMany({
      where: { unitId },
      orderBy: { seq: 'asc' },
      include: {
        reportsTo: true,
        workItems: {
          include: {
            functions: { where: LIVE },
            responsibilities: { where: LIVE },
            cooperations: { where: LIVE, include: { post: true } },
          },
        },
      },
    });
    return posts.map((p) => ({
      id: p.id,
      seq: p.seq,
      code: p.code,
      kind: p.kind,
      name: p.name,
      title: p.title,
      reportsToCode: p.reportsTo?.code ?? null,
      retired: p.retiredAt !== null,
      workItems: p.workItems.map((w) => ({
        id: w.id,
        seq: w.seq,
        title: w.title,
        workflowRefs: w.workflowRefs,
        remarks: w.remarks,
        retired: w.retiredAt !== null,
        functions: w.functions.map((f) => ({ id: f.id, seq: f.seq, text: f.text })),
        responsibilities: w.responsibilities.map((r) => ({ id: r.id, seq: r.seq, type: r.type, label: r.label, text: r.text })),
        cooperations: w.cooperations.map((c) => ({ id: c.id, postCode: c.post.code, text: c.text })),
      })),
    }));
  }

  async applyPlan(tx: Tx, unitId: string, plan: ImportPlan, at: Date): Promise<void> {
    const idOfCode = new Map<string, string>();
    for (const p of plan.posts) {
      const data = { kind: p.parsed.kind, name: p.parsed.name, title: p.parsed.title, seq: p.parsed.seq, retiredAt: null };
      const post = p.storedId
        ? p.fieldsChanged || p.revive
          ? await tx.post.update({ where: { id: p.storedId }, data })
          : { id: p.storedId }
        : await tx.post.create({ data: { ...data, unitId, code: p.parsed.code } });
      idOfCode.set(p.parsed.code, post.id);
    }
    // The chain is set once every post of the file exists, whatever order the file lists them in.
    for (const p of plan.posts) {
      if (p.storedId && !p.fieldsChanged) continue;
      const reportsToId = p.parsed.reportsToCode ? (idOfCode.get(p.parsed.reportsToCode) ?? null) : null;
      await tx.post.update({ where: { id: idOfCode.get(p.parsed.code)! }, data: { reportsToId } });
    }
    if (plan.retirePostIds.length > 0) {
      await tx.post.updateMany({ where: { id: { in: plan.retirePostIds } }, data: { retiredAt: at } });
      const items = await tx.workItem.findMany({ where: { postId: { in: plan.retirePostIds }, ...LIVE }, select: { id: true } });
      await this.retireWorkItems(tx, items.map((i) => i.id), at);
    }

    for (const p of plan.posts) {
      const postId = idOfCode.get(p.parsed.code)!;
      await this.retireWorkItems(tx, p.retireWorkItemIds, at);
      for (const w of p.workItems) {
        const fields = { seq: w.parsed.seq, workflowRefs: w.parsed.workflowRefs, remarks: w.parsed.remarks, retiredAt: null };
        const workItemId = w.storedId
          ? (w.fieldsChanged || w.revive ? await tx.workItem.update({ where: { id: w.storedId }, data: fields }) : { id: w.storedId }).id
          : (await tx.workItem.create({ data: { ...fields, postId, title: w.parsed.title } })).id;

        await tx.functionStatement.updateMany({ where: { id: { in: w.retireFunctionIds } }, data: { retiredAt: at } });
        await tx.responsibility.updateMany({ where: { id: { in: w.retireResponsibilityIds } }, data: { retiredAt: at } });
        await tx.cooperation.updateMany({ where: { id: { in: w.retireCooperationIds } }, data: { retiredAt: at } });
        for (const r of w.reseqFunctions) await tx.functionStatement.update({ where: { id: r.id }, data: { seq: r.seq } });
        for (const r of w.reseqResponsibilities) await tx.responsibility.update({ where: { id: r.id }, data: { seq: r.seq } });
        await tx.functionStatement.createMany({ data: w.createFunctions.map((f) => ({ workItemId, ...f })) });
        await tx.responsibility.createMany({
          data: w.createResponsibilities.map((r) => ({ workItemId, seq: r.seq, type: r.type, label: r.label, text: r.text })),
        });
        for (const c of w.createCooperations) {
          // The parser only keeps links to posts of the same file, so the target is always known.
          const targetId = idOfCode.get(c.postCode)!;
          await tx.cooperation.upsert({
            where: { workItemId_postId: { workItemId, postId: targetId } },
            create: { workItemId, postId: targetId, text: c.text },
            update: { text: c.text, retiredAt: null },
          });
        }
      }
    }
  }

  private async retireWorkItems(tx: Tx, ids: string[], at: Date): Promise<void> {
    if (ids.length === 0) return;
    await tx.workItem.updateMany({ where: { id: { in: ids } }, data: { retiredAt: at } });
    const inItems = { workItemId: { in: ids }, ...LIVE };
    await tx.functionStatement.updateMany({ where: inItems, data: { retiredAt: at } });
    await tx.responsibility.updateMany({ where: inItems, data: { retiredAt: at } });
    await tx.cooperation.updateMany({ where: inItems, data: { retiredAt: at } });
  }
}
