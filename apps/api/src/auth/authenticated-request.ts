import type { FastifyRequest } from 'fastify';
import type { Actor, ClientInfo } from '#libs/auth';

/** A request after the auth guard: `actor` is set on every non-public route. */
export type AuthenticatedRequest = FastifyRequest & { actor?: Actor };

const MAX_USER_AGENT = 300;

export function clientInfo(request: FastifyRequest): ClientInfo {
  const agent = request.headers['user-agent'];
  return { ip: request.ip, userAgent: typeof agent === 'string' ? agent.slice(0, MAX_USER_AGENT) : null };
}
