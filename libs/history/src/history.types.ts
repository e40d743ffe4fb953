export interface NewHistoryEvent {
  /** e.g. `task:<id>`, `security`, `calendar:<orgId>`, `duty-list:<unitId>`. */
  stream: string;
  /** Dotted verb, e.g. `duty-list.imported`, `auth.login.failed`. */
  type: string;
  actorUserId?: string | null;
  actorPersonId?: string | null;
  actingForPostId?: string | null;
  subjectId?: string | null;
  data?: Record<string, unknown>;
}
