import type { ChainedFields } from './history-chain.rules.js';

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

export interface HistoryEventView {
  seq: number;
  at: string;
  type: string;
  actorUserId: string | null;
  actorPersonId: string | null;
  actingForPostId: string | null;
  data: Record<string, unknown>;
  hash: string;
}

/** Who acted, by name, as read with the event; null where the person or account no longer exists. */
export interface ActorNames {
  actorPersonName: string | null;
  actorUserName: string | null;
}

/** An event with every chained field, so a recipient can recompute its hash (see eventHash). */
export type ChainedEventRecord = Omit<ChainedFields, 'at'> & { id: string; at: string; hash: string };
