import { Injectable } from '@nestjs/common';
import { PrismaService } from '#libs/core';

/** Display names of the people and accounts that acted in a task's history, read in one query. */
@Injectable()
export class HistoryActorsRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** Person names by person id; for accounts without a person, the person's name or else the login. */
  async namesOf(personIds: string[], userIds: string[]): Promise<{ persons: Map<string, string>; users: Map<string, string> }> {
    const persons = new Map<string, string>();
    const users = new Map<string, string>();
    if (personIds.length === 0 && userIds.length === 0) return { persons, users };
    const rows = await this.prisma.direct.$queryRaw<{ kind: 'person' | 'user'; id: string; name: string }[]>`
      SELECT 'person' AS kind, p.id::text AS id, p.name FROM person p WHERE p.id = ANY(${personIds}::uuid[])
      UNION ALL
      SELECT 'user' AS kind, u.id::text AS id, COALESCE(p.name, u.username) AS name
        FROM app_user u LEFT JOIN person p ON p.id = u.person_id
       WHERE u.id = ANY(${userIds}::uuid[])`;
    for (const r of rows) (r.kind === 'person' ? persons : users).set(r.id, r.name);
    return { persons, users };
  }
}
