import { appUserGenerator } from './tables/app-user.generator';
import { auditLogGenerator } from './tables/audit-log.generator';
import {
  chainGenerator,
  chainLeaderGenerator,
  chainLinkGenerator,
  firmRelationGenerator,
} from './tables/chain.generator';
import { departmentGenerator } from './tables/department.generator';
import { firmGenerator } from './tables/firm.generator';
import { firmAliasGenerator } from './tables/firm-alias.generator';
import { milestoneGenerator, projectGenerator, projectInvestorGenerator } from './tables/project.generator';
import { zoneGenerator } from './tables/zone.generator';
import type { AnyTableGenerator } from './types';

/**
 * Every table generator. To add one: write `tables/<table>.generator.ts` and list it here (any order:
 * `dependsOn` decides the order of generation).
 */
export const GENERATORS: readonly AnyTableGenerator[] = [
  zoneGenerator,
  departmentGenerator,
  appUserGenerator,
  auditLogGenerator,
  firmGenerator,
  firmAliasGenerator,
  chainGenerator,
  chainLinkGenerator,
  chainLeaderGenerator,
  firmRelationGenerator,
  projectGenerator,
  projectInvestorGenerator,
  milestoneGenerator,
];

/** Generators with their dependencies first; throws on an unknown dependency or a cycle. */
export function orderGenerators(list: readonly AnyTableGenerator[] = GENERATORS): AnyTableGenerator[] {
  const byTable = new Map(list.map((g) => [g.table as string, g]));
  const done = new Set<string>();
  const visiting = new Set<string>();
  const out: AnyTableGenerator[] = [];
  const visit = (g: AnyTableGenerator) => {
    if (done.has(g.table)) return;
    if (visiting.has(g.table)) throw new Error(`generator dependency cycle at ${g.table}`);
    visiting.add(g.table);
    for (const dep of g.dependsOn) {
      const d = byTable.get(dep);
      if (!d) throw new Error(`generator ${g.table} depends on ${dep}, which has no generator`);
      visit(d);
    }
    visiting.delete(g.table);
    done.add(g.table);
    out.push(g);
  };
  for (const g of list) visit(g);
  return out;
}
