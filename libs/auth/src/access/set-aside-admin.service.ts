import { Injectable } from '@nestjs/common';
import { SetAsideService, type SetAsideRecord } from '#libs/core';
import type { Actor } from './actor.types.js';
import { AccessPolicyService } from './access-policy.service.js';

/**
 * Administrators see the rows set aside by the sweep, task generation and notification delivery
 * (with their errors) and may have one tried again at once instead of after its backoff.
 */
@Injectable()
export class SetAsideAdminService {
  constructor(
    private readonly access: AccessPolicyService,
    private readonly setAside: SetAsideService,
  ) {}

  async list(actor: Actor): Promise<SetAsideRecord[]> {
    await this.access.assertAdmin(actor, 'set-aside.list');
    return this.setAside.list();
  }

  async retry(actor: Actor, id: string): Promise<SetAsideRecord> {
    await this.access.assertAdmin(actor, 'set-aside.retry');
    return this.setAside.retryNow(id);
  }
}
