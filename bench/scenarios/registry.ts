import { mixed200Scenario, projectDetailScenario, readWhileCockpitScenario } from './anchor';
import { auditByActorScenario, eventLoopHealthScenario } from './audit';
import { chainMapScenario, chainTargetsScenario } from './chain';
import { cockpitScenario, dispatchReportScenario } from './dispatch';
import { kanbanScenario } from './kanban';
import { mixedWritesScenario } from './mixed-writes';
import { parkMapScenario, siteMatchScenario } from './park';
import { projectSearchScenario, projectsByChainScenario } from './pipeline';
import type { Scenario } from './types';

/** Every scenario, in run order. To add one: export it from `scenarios/<area>.ts` and list it here. */
export const SCENARIOS: readonly Scenario[] = [
  auditByActorScenario,
  eventLoopHealthScenario,
  projectsByChainScenario,
  projectDetailScenario,
  projectSearchScenario,
  kanbanScenario,
  chainTargetsScenario,
  chainMapScenario,
  cockpitScenario,
  readWhileCockpitScenario,
  dispatchReportScenario,
  parkMapScenario,
  siteMatchScenario,
  mixed200Scenario,
  mixedWritesScenario,
];
