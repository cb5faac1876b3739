import type { FastifyRequest } from 'fastify';
import type { Actor } from '../modules/audit/audit.repo.js';
import { authOf } from './auth.js';

/** The audit actor of an authenticated request. */
export function actorOf(req: FastifyRequest): Actor {
  const auth = authOf(req);
  return { userId: auth.userId, label: auth.name };
}
