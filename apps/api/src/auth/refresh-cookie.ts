import type { FastifyReply, FastifyRequest } from 'fastify';

/*
 * The console's refresh token travels only in this cookie: HttpOnly (no script, so no injected
 * script, can read it), SameSite=Strict (no other site can make the browser send it) and sent to
 * the refresh endpoint alone. Logging out clears it with the same attributes; it needs no cookie,
 * since the access token names the session. No cookie plugin: two headers are all there is.
 */

export const REFRESH_COOKIE = 'dt_refresh';
export const REFRESH_COOKIE_PATH = '/api/auth/refresh';

/** Secure when the browser reached us over HTTPS, directly or as the public URL says (behind a proxy). */
export function cookieIsSecure(request: FastifyRequest, publicUrl: string): boolean {
  return request.protocol === 'https' || publicUrl.startsWith('https:');
}

export function refreshCookie(token: string, maxAgeSeconds: number, secure: boolean): string {
  const attributes = [`${REFRESH_COOKIE}=${token}`, `Path=${REFRESH_COOKIE_PATH}`, `Max-Age=${maxAgeSeconds}`, 'HttpOnly', 'SameSite=Strict'];
  if (secure) attributes.push('Secure');
  return attributes.join('; ');
}

export function clearedRefreshCookie(secure: boolean): string {
  return refreshCookie('', 0, secure);
}

export function setRefreshCookie(reply: FastifyReply, value: string): void {
  void reply.header('Set-Cookie', value);
}

/** The refresh token from the request's Cookie header, if any (values are `<uuid>.<base64url>`, never quoted). */
export function readRefreshCookie(request: FastifyRequest): string | undefined {
  const header = request.headers.cookie;
  if (!header) return undefined;
  for (const pair of header.split(';')) {
    const eq = pair.indexOf('=');
    if (eq > 0 && pair.slice(0, eq).trim() === REFRESH_COOKIE) return pair.slice(eq + 1).trim() || undefined;
  }
  return undefined;
}
