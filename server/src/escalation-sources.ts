import type { EscalationSource } from './modules/notify/escalation.service';
import { requestEscalations } from './modules/request/request.service';
import { taskEscalations } from './modules/task/task-escalation';

/**
 * The records the escalation sweep looks at, gathered from the areas that own them. Composition
 * only, like app.ts: notify sweeps the sources it is handed without importing the areas that
 * notify (issue 12).
 */
export const ESCALATION_SOURCES: readonly EscalationSource[] = [requestEscalations, taskEscalations];

declare module 'fastify' {
  interface FastifyInstance {
    /** What the escalation sweep looks at (the notify sweep route runs it on demand). */
    escalationSources: readonly EscalationSource[];
  }
}
