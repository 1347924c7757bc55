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
  'GET /api/firms': ['admin', 'leader', 'officer', 'enterprise'],
  'GET /api/firms/duplicates': ['admin', 'leader', 'officer', 'enterprise'],
  'POST /api/firms': ['admin', 'officer'],
  'GET /api/firms/{id}': ['admin', 'leader', 'officer', 'enterprise'],
  'PATCH /api/firms/{id}': ['admin', 'officer'],
  'GET /api/firms/{id}/relations': ['admin', 'leader', 'officer', 'enterprise'],
  'POST /api/firms/{id}/relations': ['admin', 'officer'],
  'DELETE /api/firm-relations/{id}': ['admin', 'officer'],
  'GET /api/leads': ['admin', 'leader', 'officer'],
  'POST /api/leads': ['admin', 'officer'],
  'GET /api/leads/{id}': ['admin', 'leader', 'officer'],
  'PATCH /api/leads/{id}': ['admin', 'officer'],
  'POST /api/leads/{id}/status': ['admin', 'officer'],
  'GET /api/leads/{id}/followups': ['admin', 'leader', 'officer'],
  'POST /api/leads/{id}/followups': ['admin', 'officer'],
  'POST /api/leads/{id}/sign': ['admin', 'officer'],
  'GET /api/projects': ['admin', 'leader', 'officer', 'enterprise'],
  'GET /api/projects/kanban': ['admin', 'leader', 'officer', 'enterprise'],
  'POST /api/projects': ['admin', 'officer'],
  'GET /api/projects/{id}': ['admin', 'leader', 'officer', 'enterprise'],
  'PATCH /api/projects/{id}': ['admin', 'officer'],
  'POST /api/projects/{id}/stage': ['admin', 'officer'],
  'GET /api/projects/{id}/milestones': ['admin', 'leader', 'officer', 'enterprise'],
  'POST /api/projects/{id}/milestones': ['admin', 'officer'],
  'PATCH /api/projects/{id}/milestones/{milestoneId}': ['admin', 'officer'],
  'GET /api/projects/{id}/timeline': ['admin', 'leader', 'officer', 'enterprise'],
};
