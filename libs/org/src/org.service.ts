import { Injectable } from '@nestjs/common';
import { Clock } from '#libs/core';
import { OrgRepository } from './org.repository.js';
import { PostNotFoundError, UnitNotFoundError } from './org.errors.js';
import type { PostDetail, PostSummary, UnitSummary } from './org.types.js';
import { shanghaiToday } from './shanghai-today.js';

@Injectable()
export class OrgService {
  constructor(
    private readonly repository: OrgRepository,
    private readonly clock: Clock,
  ) {}

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

  setBackupPost(postId: string, backupPostId: string | null): Promise<void> {
    return this.repository.setBackupPost(postId, backupPostId);
  }
}
