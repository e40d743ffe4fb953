import { Injectable } from '@nestjs/common';
import { Clock, type Tx } from '#libs/core';
import { SecurityAuditService, SecurityEventType } from '../audit/security-audit.service.js';
import { passwordTooWeak, userNotFound, usernameInvalid, usernameTaken } from '../auth.errors.js';
import { AuthSessionRepository } from '../session/auth-session.repository.js';
import { normalizeUsername, passwordProblem, usernameProblem } from './credential.rules.js';
import { PasswordHasher } from './password-hasher.js';
import { UserRepository, type StoredUser } from './user.repository.js';

export interface UserView {
  id: string;
  username: string;
  personId: string | null;
  isAdmin: boolean;
}

export interface NewAccount {
  username: string;
  password: string;
  isAdmin?: boolean;
}

/** Account administration (the admin CLI, the demo seed): never a default password. */
@Injectable()
export class UserAccountService {
  constructor(
    private readonly users: UserRepository,
    private readonly sessions: AuthSessionRepository,
    private readonly hasher: PasswordHasher,
    private readonly audit: SecurityAuditService,
    private readonly clock: Clock,
  ) {}

  /** A new person and their account. */
  createUser(account: NewAccount & { name: string; email?: string | null }): Promise<UserView> {
    return this.create(account, (user, tx) => this.users.createWithPerson(user, { name: account.name, email: account.email ?? null }, tx));
  }

  /** An account for someone already recorded as a person (e.g. holding posts). */
  createUserForPerson(account: NewAccount, personId: string): Promise<UserView> {
    return this.create(account, (user, tx) => this.users.createForPerson(user, personId, tx));
  }

  async findUser(username: string): Promise<UserView | null> {
    const user = await this.users.findByUsername(normalizeUsername(username));
    return user && view(user);
  }

  async findUserOfPerson(personId: string): Promise<UserView | null> {
    const user = await this.users.findByPerson(personId);
    return user && view(user);
  }

  async requireUser(username: string): Promise<UserView> {
    const user = await this.findUser(username);
    if (!user) throw userNotFound(normalizeUsername(username));
    return user;
  }

  /** Sets a new password and ends every session of the account: whoever knew the old one is out. */
  async resetPassword(username: string, password: string): Promise<{ endedSessions: number }> {
    const user = await this.requireUser(username);
    checkPassword(password, user.username);
    const passwordHash = await this.hasher.hash(password);
    const now = this.clock.now();
    return this.users.transaction(async (tx) => {
      await this.users.setPasswordHash(user.id, passwordHash, tx);
      const endedSessions = await this.sessions.revokeAllOfUser(user.id, now, tx);
      await this.audit.record(
        { type: SecurityEventType.PASSWORD_RESET, subjectId: user.id, data: { username: user.username, endedSessions } },
        tx,
      );
      return { endedSessions };
    });
  }

  private async create(
    account: NewAccount,
    insert: (user: { username: string; passwordHash: string; isAdmin: boolean; createdAt: Date }, tx: Tx) => Promise<StoredUser>,
  ): Promise<UserView> {
    const username = normalizeUsername(account.username);
    const invalid = usernameProblem(username);
    if (invalid) throw usernameInvalid(invalid);
    checkPassword(account.password, username);
    if (await this.users.findByUsername(username)) throw usernameTaken(username);
    const passwordHash = await this.hasher.hash(account.password);
    return this.users.transaction(async (tx) => {
      const user = await insert({ username, passwordHash, isAdmin: account.isAdmin ?? false, createdAt: this.clock.now() }, tx);
      await this.audit.record(
        { type: SecurityEventType.USER_CREATED, subjectId: user.id, data: { username, isAdmin: user.isAdmin, personId: user.personId } },
        tx,
      );
      return view(user);
    });
  }
}

function checkPassword(password: string, username: string): void {
  const problem = passwordProblem(password, username);
  if (problem) throw passwordTooWeak(problem);
}

function view(user: StoredUser): UserView {
  return { id: user.id, username: user.username, personId: user.personId, isAdmin: user.isAdmin };
}
