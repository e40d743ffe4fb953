import { Module } from '@nestjs/common';
import { AccessModule } from '#libs/auth';
import { OrgRepository } from './org.repository.js';
import { OrgService } from './org.service.js';

@Module({
  imports: [AccessModule],
  providers: [OrgRepository, OrgService],
  exports: [OrgService],
})
export class OrgModule {}
