import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';

export class VerifyQuery {
  @ApiPropertyOptional({ example: '2026-11-01', description: 'YYYY-MM-DD (Shanghai) or an ISO instant: check events recorded since then' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  since?: string;
}
