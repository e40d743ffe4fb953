import { Injectable } from '@nestjs/common';
import { Clock, type Tx } from '#libs/core';
import { SecurityAuditService, SecurityEventType } from '../audit/security-audit.service.js';
import { cannotDisableSelf, passwordTooWeak, userNotFound, usernameInvalid, usernameTaken } from '../auth.errors.js';
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

export interface AccountState {
  username: string;
  disabled: boolean;
  /** Sessions ended by this change (disabling ends them all). */
  endedSessions: number;
}

/** Who changes an account: an admin through the API, or nobody named (the CLI on the server). */
export interface AccountChanger {
  userId: string;
  personId: string | null;
}

export interface NewAccount {
  username: string;
  password: string;
  isAdmin?: boolean;
  /** The embedded default's demo logins (README-public password): the common-password list does not apply. */
  demoLogin?: boolean;
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

  /**
   * A disabled account cannot log in and every session of it ends now; nothing is deleted, and
   * enabling it again restores the login (not the sessions). Both are in the security history.
   */
  async setDisabled(username: string, disabled: boolean, by?: AccountChanger): Promise<AccountState> {
    const user = await this.users.findByUsername(normalizeUsername(username));
    if (!user) throw userNotFound(normalizeUsername(username));
    // An admin locking themselves out could leave nobody to undo it.
    if (disabled && by?.userId === user.id) throw cannotDisableSelf();
    const now = this.clock.now();
    return this.users.transaction(async (tx) => {
      await this.users.setDisabledAt(user.id, disabled ? (user.disabledAt ?? now) : null, tx);
      const endedSessions = disabled ? await this.sessions.revokeAllOfUser(user.id, now, tx) : 0;
      await this.audit.record(
        {
          type: disabled ? SecurityEventType.USER_DISABLED : SecurityEventType.USER_ENABLED,
          actorUserId: by?.userId ?? null,
          actorPersonId: by?.personId ?? null,
          subjectId: user.id,
          data: { username: user.username, endedSessions, wasDisabled: !!user.disabledAt },
        },
        tx,
      );
      return { username: user.username, disabled, endedSessions };
    });
  }

  private async create(
    account: NewAccount,
    insert: (user: { username: string; passwordHash: string; isAdmin: boolean; createdAt: Date }, tx: Tx) => Promise<StoredUser>,
  ): Promise<UserView> {
    const username = normalizeUsername(account.username);
    const invalid = usernameProblem(username);
    if (invalid) throw usernameInvalid(invalid);
    checkPassword(account.password, username, account.demoLogin);
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

function checkPassword(password: string, username: string, demoLogin = false): void {
  const problem = passwordProblem(password, username, { allowCommon: demoLogin });
  if (problem) throw passwordTooWeak(problem);
}

function view(user: StoredUser): UserView {
  return { id: user.id, username: user.username, personId: user.personId, isAdmin: user.isAdmin };
}
