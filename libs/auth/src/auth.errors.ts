import { DomainError } from '#libs/core';

/** Stable codes of identity and access failures; messages are for people and may change. */
export const AuthErrorCode = {
  AUTH_REQUIRED: 'AUTH_REQUIRED',
  INVALID_CREDENTIALS: 'INVALID_CREDENTIALS',
  ACCOUNT_DISABLED: 'ACCOUNT_DISABLED',
  TOKEN_INVALID: 'TOKEN_INVALID',
  TOKEN_EXPIRED: 'TOKEN_EXPIRED',
  SESSION_ENDED: 'SESSION_ENDED',
  REFRESH_TOKEN_INVALID: 'REFRESH_TOKEN_INVALID',
  LOGIN_RATE_LIMITED: 'LOGIN_RATE_LIMITED',
  ACCESS_DENIED: 'ACCESS_DENIED',
  ADMIN_REQUIRED: 'ADMIN_REQUIRED',
  USER_NOT_FOUND: 'USER_NOT_FOUND',
  USERNAME_TAKEN: 'USERNAME_TAKEN',
  USERNAME_INVALID: 'USERNAME_INVALID',
  PASSWORD_TOO_WEAK: 'PASSWORD_TOO_WEAK',
  CANNOT_DISABLE_SELF: 'CANNOT_DISABLE_SELF',
} as const;

export type AuthErrorCode = (typeof AuthErrorCode)[keyof typeof AuthErrorCode];

export class AuthError extends DomainError {}

export const authRequired = () => new AuthError(AuthErrorCode.AUTH_REQUIRED, 'UNAUTHENTICATED', '请先登录');

/** The same answer for an unknown user and a wrong password, so usernames cannot be probed. */
export const invalidCredentials = () => new AuthError(AuthErrorCode.INVALID_CREDENTIALS, 'UNAUTHENTICATED', '用户名或密码错误');

export const accountDisabled = () => new AuthError(AuthErrorCode.ACCOUNT_DISABLED, 'UNAUTHENTICATED', '账号已停用，请联系管理员');

export const tokenInvalid = () => new AuthError(AuthErrorCode.TOKEN_INVALID, 'UNAUTHENTICATED', '登录凭证无效，请重新登录');

export const tokenExpired = () => new AuthError(AuthErrorCode.TOKEN_EXPIRED, 'UNAUTHENTICATED', '登录凭证已过期，请刷新或重新登录');

export const sessionEnded = () => new AuthError(AuthErrorCode.SESSION_ENDED, 'UNAUTHENTICATED', '登录已退出或已失效，请重新登录');

export const refreshTokenInvalid = () =>
  new AuthError(AuthErrorCode.REFRESH_TOKEN_INVALID, 'UNAUTHENTICATED', '续期凭证无效或已使用，请重新登录');

export const loginRateLimited = (retryAfterSeconds: number) =>
  new AuthError(AuthErrorCode.LOGIN_RATE_LIMITED, 'RATE_LIMITED', `登录失败次数过多，请 ${retryAfterSeconds} 秒后再试`, {
    retryAfterSeconds,
  });

export const accessDenied = () => new AuthError(AuthErrorCode.ACCESS_DENIED, 'FORBIDDEN', '无权查看或办理该事项');

export const adminRequired = () => new AuthError(AuthErrorCode.ADMIN_REQUIRED, 'FORBIDDEN', '仅系统管理员可执行此操作');

export const userNotFound = (username: string) =>
  new AuthError(AuthErrorCode.USER_NOT_FOUND, 'NOT_FOUND', `用户“${username}”不存在`, { username });

export const usernameTaken = (username: string) =>
  new AuthError(AuthErrorCode.USERNAME_TAKEN, 'CONFLICT', `用户名“${username}”已被使用`, { username });

export const usernameInvalid = (reason: string) => new AuthError(AuthErrorCode.USERNAME_INVALID, 'INVALID', `用户名不符合要求：${reason}`);

export const cannotDisableSelf = () =>
  new AuthError(AuthErrorCode.CANNOT_DISABLE_SELF, 'UNPROCESSABLE', '不能停用自己的账号（请由另一位管理员操作）');

export const passwordTooWeak = (reason: string) => new AuthError(AuthErrorCode.PASSWORD_TOO_WEAK, 'INVALID', `密码不符合要求：${reason}`);
