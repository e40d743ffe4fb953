import { Injectable } from '@nestjs/common';
import { PrismaService, type Tx } from '#libs/core';
import type { ActorPost } from '../access/actor.types.js';

/** A session with what every authenticated request needs to know about its user. */
export interface SessionOwner {
  sessionId: string;
  userId: string;
  username: string;
  personId: string | null;
  isAdmin: boolean;
  createdAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
  disabledAt: Date | null;
}

export interface RefreshableSession extends SessionOwner {
  refreshTokenHash: string;
  /** The secret the last renewal replaced, and when (null before the first renewal). */
  previousRefreshTokenHash: string | null;
  rotatedAt: Date | null;
}

@Injectable()
export class AuthSessionRepository {
  constructor(private readonly prisma: PrismaService) {}

  async create(session: {
    userId: string;
    refreshTokenHash: string;
    createdAt: Date;
    expiresAt: Date;
    ip: string | null;
    userAgent: string | null;
  }): Promise<string> {
    const created = await this.prisma.authSession.create({ data: session, select: { id: true } });
    return created.id;
  }

  /**
   * Runs on every authenticated request, so it is one statement straight to the driver (see
   * DirectSql): the session joined to its user, and the posts the user's person holds on `onDate`
   * (Asia/Shanghai, YYYY-MM-DD; acting holdings count, retired posts do not).
   */
  async findOwner(sessionId: string, onDate: string): Promise<(SessionOwner & { posts: ActorPost[] }) | null> {
    const rows = await this.prisma.direct.$queryRaw<(SessionOwner & { posts: ActorPost[] })[]>`
      SELECT s.id AS "sessionId", s.user_id AS "userId", u.username, u.person_id AS "personId", u.is_admin AS "isAdmin",
             s.created_at AS "createdAt", s.expires_at AS "expiresAt", s.revoked_at AS "revokedAt", u.disabled_at AS "disabledAt",
             COALESCE((
               SELECT json_agg(json_build_object('postId', held.id, 'unitId', held.unit_id, 'kind', held.kind) ORDER BY held.unit_id, held.seq)
                 FROM (SELECT DISTINCT p.id, p.unit_id, p.kind, p.seq
                         FROM post_assignment a JOIN post p ON p.id = a.post_id
                        WHERE a.person_id = u.person_id
                          AND a.start_date <= ${onDate}::date AND (a.end_date IS NULL OR a.end_date >= ${onDate}::date)
                          AND p.retired_at IS NULL) held
             ), '[]') AS posts
        FROM auth_session s JOIN app_user u ON u.id = s.user_id
       WHERE s.id = ${sessionId}::uuid`;
    return rows[0] ?? null;
  }

  async findRefreshable(sessionId: string): Promise<RefreshableSession | null> {
    const rows = await this.prisma.$queryRaw<RefreshableSession[]>`
      SELECT s.id AS "sessionId", s.user_id AS "userId", u.username, u.person_id AS "personId", u.is_admin AS "isAdmin",
             s.created_at AS "createdAt", s.expires_at AS "expiresAt", s.revoked_at AS "revokedAt", u.disabled_at AS "disabledAt",
             s.refresh_token_hash AS "refreshTokenHash", s.previous_refresh_token_hash AS "previousRefreshTokenHash",
             s.rotated_at AS "rotatedAt"
        FROM auth_session s JOIN app_user u ON u.id = s.user_id
       WHERE s.id = ${sessionId}::uuid`;
    return rows[0] ?? null;
  }

  /**
   * Replaces the refresh secret only if it is still the one presented: of two concurrent renewals
   * with the same token exactly one succeeds. The replaced secret is kept so that presenting it
   * again can be told from presenting a wrong one.
   */
  async rotateRefreshSecret(sessionId: string, presentedHash: string, nextHash: string, expiresAt: Date, at: Date): Promise<boolean> {
    const { count } = await this.prisma.authSession.updateMany({
      where: { id: sessionId, refreshTokenHash: presentedHash, revokedAt: null },
      data: { refreshTokenHash: nextHash, previousRefreshTokenHash: presentedHash, rotatedAt: at, expiresAt },
    });
    return count === 1;
  }

  /** False when the session was already revoked. */
  async revoke(sessionId: string, at: Date, tx: Tx = this.prisma): Promise<boolean> {
    const { count } = await tx.authSession.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: at } });
    return count === 1;
  }

  async revokeAllOfUser(userId: string, at: Date, tx: Tx = this.prisma): Promise<number> {
    const { count } = await tx.authSession.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: at } });
    return count;
  }
}
