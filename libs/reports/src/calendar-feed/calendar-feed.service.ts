import { Injectable } from '@nestjs/common';
import type { Actor } from '#libs/auth';
import { CalendarService, type LocalDate, type WorkingCalendar } from '#libs/calendar';
import { AppConfig, Clock } from '#libs/core';
import { HistoryService } from '#libs/history';
import { InboxRepository } from '../inbox/inbox.repository.js';
import { feedTokenNoPerson, feedTokenNotFound, feedTokenRevoked, feedTokenUnknown } from './calendar-feed.errors.js';
import { CalendarFeedRepository, type FeedTokenRow } from './calendar-feed.repository.js';
import { feedEventOf, feedUrls, hashFeedToken, isWellFormedFeedToken, newFeedToken } from './calendar-feed.rules.js';
import { serializeCalendar } from './ics.rules.js';

export interface FeedTokenView {
  id: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  active: boolean;
}

/** Shown once, at creation: only the hash is kept, so the link cannot be shown again. */
export interface NewFeedToken extends FeedTokenView {
  token: string;
  url: string;
  webcalUrl: string;
}

const PROD_ID = '-//duty-tracker//履职待办//ZH';

/** Phones re-fetch about this often; deadlines rarely move faster. */
const REFRESH_INTERVAL = 'PT1H';

const view = (row: FeedTokenRow): FeedTokenView => ({
  id: row.id,
  createdAt: row.createdAt,
  lastUsedAt: row.lastUsedAt,
  revokedAt: row.revokedAt,
  active: row.revokedAt === null,
});

/**
 * A person's deadlines as an iCalendar subscription. The link carries a random token instead of
 * a session (calendar apps cannot log in); it is stored hashed, revocable, and every creation and
 * revocation is in the person's history.
 */
@Injectable()
export class CalendarFeedService {
  constructor(
    private readonly repository: CalendarFeedRepository,
    private readonly openTasks: InboxRepository,
    private readonly calendars: CalendarService,
    private readonly history: HistoryService,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  async createToken(actor: Actor): Promise<NewFeedToken> {
    const personId = actor.personId;
    if (!personId) throw feedTokenNoPerson();
    const token = newFeedToken();
    const row = await this.repository.transaction(async (tx) => {
      const created = await this.repository.createToken(tx, personId, hashFeedToken(token), this.clock.now());
      await this.history.record(
        { stream: `person:${personId}`, type: 'calendar-feed.token.created', subjectId: created.id, actorUserId: actor.userId, actorPersonId: personId },
        tx,
      );
      return created;
    });
    return { ...view(row), token, ...feedUrls(this.config.publicUrl, token) };
  }

  async listTokens(actor: Actor): Promise<FeedTokenView[]> {
    if (!actor.personId) return [];
    return (await this.repository.tokensOf(actor.personId)).map(view);
  }

  /** The owner or an administrator; to anyone else the token does not exist. Revoking twice is harmless. */
  async revokeToken(actor: Actor, id: string): Promise<FeedTokenView> {
    const row = await this.repository.findToken(id);
    if (!row || (row.personId !== actor.personId && !actor.isAdmin)) throw feedTokenNotFound(id);
    if (row.revokedAt) return view(row);
    const now = this.clock.now();
    await this.repository.transaction(async (tx) => {
      if (!(await this.repository.revokeToken(tx, id, now))) return;
      await this.history.record(
        {
          stream: `person:${row.personId}`,
          type: 'calendar-feed.token.revoked',
          subjectId: id,
          actorUserId: actor.userId,
          actorPersonId: actor.personId,
          data: { byAdmin: row.personId !== actor.personId },
        },
        tx,
      );
    });
    return view((await this.repository.findToken(id))!);
  }

  /** The whole feed of the token's person, as iCalendar text. */
  async feed(token: unknown): Promise<string> {
    if (!isWellFormedFeedToken(token)) throw feedTokenUnknown();
    const owner = await this.repository.ownerOfTokenHash(hashFeedToken(token));
    if (!owner) throw feedTokenUnknown();
    if (owner.revokedAt || owner.accountDisabled) throw feedTokenRevoked();
    // The same open tasks as the person's inbox; done and cancelled ones leave the feed.
    const rows = await this.openTasks.openTasksAssignedTo(owner.personId);
    const calendars = new Map<string, WorkingCalendar>();
    const events = [];
    for (const row of rows) {
      if (!calendars.has(row.orgId)) calendars.set(row.orgId, await this.calendars.calendarFor(row.orgId));
      const task = { ...row, dueDate: row.dueDate as LocalDate };
      events.push(feedEventOf(task, `${this.config.publicUrl}/tasks/${row.id}`, calendars.get(row.orgId)!));
    }
    await this.repository.markUsed(owner.id, this.clock.now());
    return serializeCalendar({ prodId: PROD_ID, name: `履职待办（${owner.personName}）`, refreshInterval: REFRESH_INTERVAL, events });
  }
}
