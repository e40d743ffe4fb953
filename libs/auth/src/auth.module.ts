import { Module } from '@nestjs/common';
import { AccessModule } from './access/access.module.js';
import { ActorRepository } from './access/actor.repository.js';
import { PasswordHasher } from './accounts/password-hasher.js';
import { UserAccountService } from './accounts/user-account.service.js';
import { UserRepository } from './accounts/user.repository.js';
import { AuthService } from './auth.service.js';
import { LoginAttemptRepository } from './login/login-attempt.repository.js';
import { LoginThrottleService } from './login/login-throttle.service.js';
import { AccessTokenService } from './session/access-token.service.js';
import { AuthSessionRepository } from './session/auth-session.repository.js';

/** Accounts, sessions and tokens. The token secret is only needed once a token is issued or checked. */
@Module({
  imports: [AccessModule],
  providers: [
    UserRepository,
    AuthSessionRepository,
    ActorRepository,
    LoginAttemptRepository,
    PasswordHasher,
    AccessTokenService,
    LoginThrottleService,
    AuthService,
    UserAccountService,
  ],
  exports: [AuthService, UserAccountService, AccessModule],
})
export class AuthModule {}
