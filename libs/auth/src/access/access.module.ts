import { Module } from '@nestjs/common';
import { SecurityAuditService } from '../audit/security-audit.service.js';
import { AccessPolicyService } from './access-policy.service.js';
import { SetAsideAdminService } from './set-aside-admin.service.js';

/** The access policy alone, for domain libs (org, tasks, …) to import without the login machinery. */
@Module({
  providers: [AccessPolicyService, SecurityAuditService, SetAsideAdminService],
  exports: [AccessPolicyService, SecurityAuditService, SetAsideAdminService],
})
export class AccessModule {}
