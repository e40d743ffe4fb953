import { Module } from '@nestjs/common';
import { OrgRepository } from './org.repository.js';
import { OrgService } from './org.service.js';

@Module({
  providers: [OrgRepository, OrgService],
  exports: [OrgService],
})
export class OrgModule {}
