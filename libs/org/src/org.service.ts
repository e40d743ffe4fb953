import { Injectable } from '@nestjs/common';
import { Clock } from '#libs/core';
import { AccessPolicyService, type Actor, type PostRef } from '#libs/auth';
import { OrgRepository } from './org.repository.js';
import { PostCodeNotFoundError, PostNotFoundError, UnitAmbiguousError, UnitNotFoundError } from './org.errors.js';
import type { PostDetail, PostSummary, UnitRef, UnitSummary } from './org.types.js';
import { shanghaiToday } from './shanghai-today.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

@Injectable()
export class OrgService {
  constructor(
    private readonly repository: OrgRepository,
    private readonly clock: Clock,
    private readonly access: AccessPolicyService,
  ) {}

  // ---- reads on behalf of an actor (the API): every one goes through the access policy

  /** Admin: every unit; anyone else: the units of the posts they hold. */
  listUnitsFor(actor: Actor): Promise<UnitSummary[]> {
    const scope = this.access.visibleUnits(actor);
    return this.repository.listUnits(scope.all ? undefined : scope.unitIds);
  }

  async listPostsOfUnitFor(actor: Actor, unitId: string): Promise<PostSummary[]> {
    await this.access.assertCanViewUnit(actor, unitId, () => new UnitNotFoundError(unitId));
    return this.listPostsOfUnit(unitId);
  }

  async getPostFor(actor: Actor, postId: string): Promise<PostDetail> {
    const ref = await this.requirePostRef(postId);
    await this.access.assertCanViewPost(actor, ref, () => new PostNotFoundError(postId));
    return this.getPost(postId);
  }

  /** What the access policy needs to judge anything attached to a post (tasks, evidence, …). */
  async requirePostRef(postId: string): Promise<PostRef> {
    const ref = await this.repository.findPostRef(postId);
    if (!ref) throw new PostNotFoundError(postId);
    return ref;
  }

  // ---- unchecked reads and writes: seeds, the admin CLI and other services

  listUnits(): Promise<UnitSummary[]> {
    return this.repository.listUnits();
  }

  async listPostsOfUnit(unitId: string): Promise<PostSummary[]> {
    const posts = await this.repository.listPostsOfUnit(unitId);
    if (!posts) throw new UnitNotFoundError(unitId);
    return posts;
  }

  async getPost(postId: string): Promise<PostDetail> {
    const post = await this.repository.findPostDetail(postId, shanghaiToday(this.clock));
    if (!post) throw new PostNotFoundError(postId);
    return post;
  }

  /** A unit by id, or by name (optionally inside one organisation); a name must be unambiguous. */
  async resolveUnit(idOrName: string, orgCode?: string): Promise<UnitRef> {
    if (UUID.test(idOrName)) {
      const unit = await this.repository.findUnitById(idOrName);
      if (!unit) throw new UnitNotFoundError(idOrName);
      return unit;
    }
    const units = await this.repository.findUnitsByName(idOrName, orgCode);
    if (units.length === 0) throw new UnitNotFoundError(idOrName);
    if (units.length > 1) throw new UnitAmbiguousError(idOrName, units.map((u) => u.org.code));
    return units[0]!;
  }

  async requireLivePost(unit: UnitRef, postCode: string): Promise<PostSummary> {
    const post = await this.repository.findLivePostByCode(unit.id, postCode);
    if (!post) throw new PostCodeNotFoundError(unit.name, postCode);
    return post;
  }

  ensureOrganisation(code: string, name: string) {
    return this.repository.upsertOrganisation(code, name);
  }

  findUnitByName(orgId: string, name: string) {
    return this.repository.findUnitByName(orgId, name);
  }

  createPerson(data: { name: string; email?: string | null; phone?: string | null }) {
    return this.repository.createPerson(data);
  }

  /** `startDate` is a local date (YYYY-MM-DD). A substantive holder ends the previous one's term. */
  async assignPost(postId: string, personId: string, startDate: string, acting = false): Promise<void> {
    await this.repository.assignPost(postId, personId, new Date(`${startDate}T00:00:00.000Z`), acting);
  }

  hasHolderToday(postId: string): Promise<boolean> {
    return this.repository.hasHolder(postId, shanghaiToday(this.clock));
  }

  /** The person substantively holding the post today, if any. */
  findHolderToday(postId: string): Promise<{ personId: string } | null> {
    return this.repository.findSubstantiveHolder(postId, shanghaiToday(this.clock));
  }

  setBackupPost(postId: string, backupPostId: string | null): Promise<void> {
    return this.repository.setBackupPost(postId, backupPostId);
  }

  /** Live work items of a post, in duty-list order (seeding, schedules). */
  workItemsOfPost(postId: string): Promise<{ id: string; title: string }[]> {
    return this.repository.workItemsOfPost(postId);
  }
}
