import type { FastifyInstance } from 'fastify';

/*
 * Browser hygiene for every answer, set in one place (an onSend hook of the API's Fastify instance):
 * the console, the API, its errors and the static files alike.
 */

/**
 * The console's build has no inline script or style element (checked by the browser tests, which
 * fail on any CSP violation); React sets style properties through the CSSOM, which CSP allows.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'self'",
].join('; ');

/** Swagger UI (/docs) writes its page with inline style elements and shows data: icons. */
export const DOCS_CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'self'",
].join('; ');

const DOCS = /^\/docs(\/|$)/;
/** API answers carry personal data (and tokens, exports, evidence): no cache may keep them. */
const NEVER_STORED = /^\/(api|health)(\/|$)/;

/** The headers an answer to `url` (path and query) gets; pure, so a table test pins them. */
export function securityHeadersFor(url: string): Record<string, string> {
  const path = url.split('?', 1)[0]!;
  const headers: Record<string, string> = {
    'Content-Security-Policy': DOCS.test(path) ? DOCS_CONTENT_SECURITY_POLICY : CONTENT_SECURITY_POLICY,
    'X-Frame-Options': 'DENY',
    'X-Content-Type-Options': 'nosniff',
    // Links in the console point at our own pages or files; nothing needs to know where they came from.
    'Referrer-Policy': 'no-referrer',
  };
  if (NEVER_STORED.test(path)) headers['Cache-Control'] = 'no-store';
  return headers;
}

export function addSecurityHeaders(fastify: FastifyInstance): void {
  fastify.addHook('onSend', async (request, reply) => {
    const headers = securityHeadersFor(request.url);
    // A download that already says `private, no-store` keeps its own (equally strict) words.
    const own = reply.getHeader('cache-control');
    if (typeof own === 'string' && /\bno-store\b/.test(own)) delete headers['Cache-Control'];
    void reply.headers(headers);
  });
}
