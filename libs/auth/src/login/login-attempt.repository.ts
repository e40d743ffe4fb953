import { Injectable } from '@nestjs/common';
import { PrismaService } from '#libs/core';
import { SecurityEventType } from '../audit/security-audit.service.js';

/**
 * Login attempts are not a table of their own: they are the security history's login events, read
 * through its (type, at) index — the window bounds the scan, newest first, stopping at `limit`.
 */
@Injectable()
export class LoginAttemptRepository {
  constructor(private readonly prisma: PrismaService) {}

  async failuresForUsername(username: string, since: Date, limit: number): Promise<Date[]> {
    const rows = await this.prisma.historyEvent.findMany({
      where: { type: SecurityEventType.LOGIN_FAILED, at: { gt: since }, data: { path: ['username'], equals: username } },
      orderBy: { at: 'desc' },
      take: limit,
      select: { at: true },
    });
    return rows.map((r) => r.at);
  }

  async failuresFromIp(ip: string, since: Date, limit: number): Promise<Date[]> {
    const rows = await this.prisma.historyEvent.findMany({
      where: { type: SecurityEventType.LOGIN_FAILED, at: { gt: since }, data: { path: ['ip'], equals: ip } },
      orderBy: { at: 'desc' },
      take: limit,
      select: { at: true },
    });
    return rows.map((r) => r.at);
  }

  async lastSuccessForUsername(username: string, since: Date): Promise<Date | null> {
    const row = await this.prisma.historyEvent.findFirst({
      where: { type: SecurityEventType.LOGIN_SUCCEEDED, at: { gt: since }, data: { path: ['username'], equals: username } },
      orderBy: { at: 'desc' },
      select: { at: true },
    });
    return row?.at ?? null;
  }
}
