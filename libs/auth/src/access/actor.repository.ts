import { Injectable } from '@nestjs/common';
import type { PostKind } from '@prisma/client';
import { PrismaService } from '#libs/core';
import type { ActorPost } from './actor.types.js';

export interface HeldPost extends ActorPost {
  postCode: string;
  postName: string;
  unitName: string;
  acting: boolean;
  since: string;
}

export interface PersonView {
  id: string;
  name: string;
  email: string | null;
}

/**
 * Reads the posts a person holds on a local date (Asia/Shanghai, YYYY-MM-DD). Acting holdings
 * count: an acting holder carries the post's authority. Retired posts carry none.
 */
@Injectable()
export class ActorRepository {
  constructor(private readonly prisma: PrismaService) {}

  async heldPostDetails(personId: string, onDate: string): Promise<HeldPost[]> {
    const rows = await this.prisma.$queryRaw<(Omit<HeldPost, 'since'> & { since: string; kind: PostKind })[]>`
      SELECT p.id AS "postId", p.unit_id AS "unitId", p.kind::text AS kind, p.code AS "postCode", p.name AS "postName",
             u.name AS "unitName", a.acting, to_char(a.start_date, 'YYYY-MM-DD') AS since
        FROM post_assignment a JOIN post p ON p.id = a.post_id JOIN unit u ON u.id = p.unit_id
       WHERE a.person_id = ${personId}::uuid
         AND a.start_date <= ${onDate}::date AND (a.end_date IS NULL OR a.end_date >= ${onDate}::date)
         AND p.retired_at IS NULL
       ORDER BY u.code, p.seq, a.start_date`;
    return rows;
  }

  findPerson(personId: string): Promise<PersonView | null> {
    return this.prisma.person.findUnique({ where: { id: personId }, select: { id: true, name: true, email: true } });
  }
}
