import { Injectable } from '@nestjs/common';
import { AccessPolicyService, type Actor } from '#libs/auth';
import { CalendarService } from '#libs/calendar';
import { HistoryService } from '#libs/history';
import { EscalationPolicyRepository } from './escalation-policy.repository.js';
import { personNotFound } from './escalation.errors.js';

export interface BureauLeaderView {
  organisationId: string;
  person: { id: string; name: string; email: string | null } | null;
}

/**
 * 分管局领导: the person told of a level whose recipients resolve to nobody above inside the system
 * (a chief's own overdue task). Set by admin; anyone logged in may see who it is.
 */
@Injectable()
export class BureauLeaderService {
  constructor(
    private readonly repository: EscalationPolicyRepository,
    private readonly access: AccessPolicyService,
    private readonly calendars: CalendarService,
    private readonly history: HistoryService,
  ) {}

  /** Who it is; the e-mail address only to admins (nowhere else does the API show one person's address to others). */
  async get(actor: Actor): Promise<BureauLeaderView> {
    const org = await this.calendars.resolveOrganisation();
    const { bureauLeaderPersonId } = await this.repository.bureauLeaderOf(org.id);
    const person = bureauLeaderPersonId ? await this.repository.findPerson(bureauLeaderPersonId) : null;
    return { organisationId: org.id, person: person && !actor.isAdmin ? { ...person, email: null } : person };
  }

  /** personId null clears it: a chief's own overdue task is then only listed in the chief report. */
  async set(actor: Actor, personId: string | null): Promise<BureauLeaderView> {
    await this.access.assertAdmin(actor, 'org.bureau-leader.set');
    const org = await this.calendars.resolveOrganisation();
    const person = personId ? await this.repository.findPerson(personId) : null;
    if (personId && !person) throw personNotFound(personId);
    await this.repository.transaction(async (tx) => {
      const before = await this.repository.lockBureauLeader(tx, org.id);
      await this.repository.setBureauLeader(tx, org.id, personId);
      await this.history.record(
        {
          stream: `org:${org.id}`,
          type: 'org.bureau-leader.set',
          subjectId: org.id,
          actorUserId: actor.userId,
          actorPersonId: actor.personId,
          data: { before, after: personId, name: person?.name ?? null },
        },
        tx,
      );
    });
    return { organisationId: org.id, person };
  }
}
