import { Injectable } from '@nestjs/common';
import { AccessPolicyService, type Actor } from '#libs/auth';
import { DateWindowService } from '#libs/calendar';
import { HistorySealService, HistoryVerifyService, parseSince, sinceInvalid, type SealResult, type VerificationReport } from '#libs/history';

/**
 * Verification and sealing for administrators over HTTP (the CLI calls the history services
 * directly: it runs with database access, which is itself the administrator's).
 */
@Injectable()
export class HistoryAuditService {
  constructor(
    private readonly access: AccessPolicyService,
    private readonly verifier: HistoryVerifyService,
    private readonly seals: HistorySealService,
    private readonly dates: DateWindowService,
  ) {}

  async verify(actor: Actor, since?: string): Promise<VerificationReport> {
    await this.access.assertAdmin(actor, 'history.verify');
    const from = since === undefined ? undefined : parseSince(since);
    if (from === null) throw sinceInvalid(since!);
    // An instant's date part counts: the accepted-date window applies to both forms.
    if (since !== undefined) await this.dates.assertAccepted({ since: since.slice(0, 10) });
    return this.verifier.verify({ since: from });
  }

  async seal(actor: Actor): Promise<SealResult> {
    await this.access.assertAdmin(actor, 'history.seal');
    return this.seals.seal();
  }
}
