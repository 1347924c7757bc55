import type { Role } from '../../../../shared/src/roles';

/**
 * Who may call each API route: the expectation the route walk checks, written by hand so that it
 * is independent of the permission table it verifies. A new route fails the walk until it is listed.
 * `public`: anyone, signed in or not. `any`: every signed-in role.
 */
export const ROUTE_ACCESS: Record<string, Role[] | 'public' | 'any'> = {
  'GET /api/meta': 'public',
  'POST /api/auth/login': 'public',
  'POST /api/auth/logout': 'any',
  'GET /api/auth/me': 'any',
  'POST /api/auth/change-password': 'any',
  'GET /api/users': ['admin'],
  'POST /api/users': ['admin'],
  'PATCH /api/users/{id}': ['admin'],
  'POST /api/users/{id}/reset-password': ['admin'],
  'GET /api/departments': ['admin', 'leader', 'officer', 'department'],
  'GET /api/tokens': 'any',
  'POST /api/tokens': 'any',
  'DELETE /api/tokens/{id}': 'any',
  'GET /api/audit': ['admin'],
};
