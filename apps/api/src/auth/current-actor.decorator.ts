import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { authRequired, type Actor } from '#libs/auth';
import type { AuthenticatedRequest } from './authenticated-request.js';

/**
 * The authenticated actor ({ userId, personId, isAdmin, posts, … }) for handing to domain services,
 * which pass it to the access policy. Only meaningful on routes that are not @Public().
 */
export const CurrentActor = createParamDecorator((_data: unknown, context: ExecutionContext): Actor => {
  const actor = context.switchToHttp().getRequest<AuthenticatedRequest>().actor;
  // A @Public() route asking for an actor is a programming error; refuse rather than run anonymous.
  if (!actor) throw authRequired();
  return actor;
});
