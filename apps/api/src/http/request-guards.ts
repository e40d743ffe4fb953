import type { FastifyInstance, FastifyRequest } from 'fastify';
import { DomainError } from '#libs/core';

/*
 * Input no endpoint should ever see, refused once for every route before validation: JSON nested
 * deeper than any request of this API needs (deep nesting costs the transformers and validators a
 * stack frame per level), and text PostgreSQL cannot store (NUL) or that is not Unicode at all
 * (a lone surrogate half would be stored as U+FFFD, silently changed).
 */

/** Deeper than any body of this API (the deepest, escalation policies, is 4 levels). */
export const MAX_JSON_DEPTH = 32;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The deepest nesting of arrays and objects in JSON text, counted without parsing (linear). */
export function jsonDepth(text: string, stopAbove = Infinity): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > deepest && (deepest = depth) > stopAbove) return deepest;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return deepest;
}

/** Where in a parsed request a string is unfit for storage, e.g. `body.title`; null when all are fine. */
export function badTextAt(value: unknown, path: string, depth = 0): string | null {
  if (typeof value === 'string') return value.includes('\u0000') || LONE_SURROGATE.test(value) ? path : null;
  if (!value || typeof value !== 'object' || depth > MAX_JSON_DEPTH || Buffer.isBuffer(value)) return null;
  for (const [key, inner] of Object.entries(value)) {
    const found = badTextAt(key, `${path}[key]`, depth + 1) ?? badTextAt(inner, `${path}.${key}`, depth + 1);
    if (found) return found;
  }
  return null;
}

export const jsonTooDeep = () =>
  new DomainError('JSON_TOO_DEEP', 'INVALID', `请求内容嵌套层数超过 ${MAX_JSON_DEPTH} 层`, { maxDepth: MAX_JSON_DEPTH });

export const invalidCharacters = (field: string) =>
  new DomainError('INVALID_CHARACTERS', 'INVALID', '请求中含有无法保存的字符（空字符或无效的 Unicode）', { field });

/** Installs the depth-checked JSON parser and the text check on every route of the instance. */
export function installRequestGuards(fastify: FastifyInstance): void {
  // Fastify's own parser (prototype-poisoning protection included), after a cheap depth count.
  const parseJson = fastify.getDefaultJsonParser('error', 'error');
  fastify.removeContentTypeParser('application/json');
  fastify.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    if (jsonDepth(body as string, MAX_JSON_DEPTH) > MAX_JSON_DEPTH) return done(jsonTooDeep(), undefined);
    parseJson(request, body as string, done);
  });
  fastify.addHook('preValidation', async (request: FastifyRequest) => {
    const field =
      badTextAt(request.params, 'params') ?? badTextAt(request.query, 'query') ?? badTextAt(request.body, 'body');
    if (field) throw invalidCharacters(field);
  });
}
