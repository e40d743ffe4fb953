import type { ActorRole } from './access/actor.types.js';

export interface TokenPair {
  tokenType: 'Bearer';
  accessToken: string;
  /** Seconds until the access token expires. */
  expiresIn: number;
  refreshToken: string;
  /** Seconds until the session ends unless renewed (never past its absolute end). */
  refreshExpiresIn: number;
}

/** Where a request comes from, for the audit log and the per-address rate limit. */
export interface ClientInfo {
  ip: string;
  userAgent: string | null;
}

export interface MeView {
  user: { id: string; username: string; isAdmin: boolean };
  person: { id: string; name: string; email: string | null } | null;
  /** Posts held today (Asia/Shanghai), substantive or acting. */
  posts: { postId: string; code: string; name: string; kind: string; unitId: string; unitName: string; acting: boolean; since: string }[];
  roles: (ActorRole & { unitName?: string })[];
  /** Posts covered today as AB backup (AB角); filled once absences are recorded. */
  covering: never[];
}
