import { Injectable } from '@nestjs/common';
import { PrismaService, type Tx } from '#libs/core';

export interface StoredUser {
  id: string;
  username: string;
  passwordHash: string;
  personId: string | null;
  isAdmin: boolean;
  disabledAt: Date | null;
}

interface NewUser {
  username: string;
  passwordHash: string;
  isAdmin: boolean;
  createdAt: Date;
}

const USER_FIELDS = { id: true, username: true, passwordHash: true, personId: true, isAdmin: true, disabledAt: true } as const;

@Injectable()
export class UserRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** For services that change an account, end its sessions and audit it atomically. */
  transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
    return this.prisma.$transaction((tx) => fn(tx));
  }

  findByUsername(username: string, tx: Tx = this.prisma): Promise<StoredUser | null> {
    return tx.user.findUnique({ where: { username }, select: USER_FIELDS });
  }

  findByPerson(personId: string, tx: Tx = this.prisma): Promise<StoredUser | null> {
    return tx.user.findUnique({ where: { personId }, select: USER_FIELDS });
  }

  /** The account and the person it belongs to, created together so neither exists alone. */
  createWithPerson(user: NewUser, person: { name: string; email: string | null }, tx: Tx = this.prisma): Promise<StoredUser> {
    return tx.user.create({
      data: { ...user, person: { create: { ...person, createdAt: user.createdAt } } },
      select: USER_FIELDS,
    });
  }

  /** An account for a person who already exists (e.g. a post holder loaded before any logins). */
  createForPerson(user: NewUser, personId: string, tx: Tx = this.prisma): Promise<StoredUser> {
    return tx.user.create({ data: { ...user, personId }, select: USER_FIELDS });
  }

  async setDisabledAt(userId: string, disabledAt: Date | null, tx: Tx = this.prisma): Promise<void> {
    await tx.user.update({ where: { id: userId }, data: { disabledAt } });
  }

  async setPasswordHash(userId: string, passwordHash: string, tx: Tx = this.prisma): Promise<void> {
    await tx.user.update({ where: { id: userId }, data: { passwordHash } });
  }
}
