import { Module } from '@nestjs/common';
import { SecurityAuditService } from '../audit/security-audit.service.js';
import { AccessPolicyService } from './access-policy.service.js';

/** The access policy alone, for domain libs (org, tasks, …) to import without the login machinery. */
@Module({
  providers: [AccessPolicyService, SecurityAuditService],
  exports: [AccessPolicyService, SecurityAuditService],
})
export class AccessModule {}
