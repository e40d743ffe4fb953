import { Injectable } from '@nestjs/common';
import { AccessPolicyService, type Actor } from '#libs/auth';
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
  ) {}

  async verify(actor: Actor, since?: string): Promise<VerificationReport> {
    await this.access.assertAdmin(actor, 'history.verify');
    const from = since === undefined ? undefined : parseSince(since);
    if (from === null) throw sinceInvalid(since!);
    return this.verifier.verify({ since: from });
  }

  async seal(actor: Actor): Promise<SealResult> {
    await this.access.assertAdmin(actor, 'history.seal');
    return this.seals.seal();
  }
}
