import {
  DummyDriver,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
} from 'kysely';
import { describe, expect, it } from 'vitest';
import { recountLinkStats, storedLinkStats } from '../modules/chain/link-stats.repository';
import { cockpitData } from '../modules/cockpit/cockpit.task';
import { listProjectIds } from '../modules/project/project-page.repository';
import { warningsData } from '../modules/warning/warning.task';
import type { DialectName } from './connect';
import type { Database } from './database';

/**
 * The SQL of the trickiest queries, compiled for both dialects without a database (Kysely's
 * DummyDriver answers every statement with no rows) and held in snapshots beside this file, so a
 * change to what they send shows in review as a diff of SQL (issue 12, STYLE.md #7). A snapshot that
 * changes on purpose is updated with `vitest -u`; one that changes by accident is a bug.
 */

interface Statement {
  sql: string;
  parameters: readonly unknown[];
}

function compilingDb(dialect: DialectName, sent: Statement[]): Kysely<Database> {
  const sqlite = dialect === 'sqlite';
  return new Kysely<Database>({
    dialect: {
      createAdapter: () => (sqlite ? new SqliteAdapter() : new PostgresAdapter()),
      createDriver: () => new DummyDriver(),
      createIntrospector: (db) => (sqlite ? new SqliteIntrospector(db) : new PostgresIntrospector(db)),
      createQueryCompiler: () => (sqlite ? new SqliteQueryCompiler() : new PostgresQueryCompiler()),
    },
    log: (event) => {
      if (event.level === 'query') sent.push({ sql: event.query.sql, parameters: event.query.parameters });
    },
  });
}

/** Every statement `run` sends on a dialect, in order. */
async function statementsOf(
  dialect: DialectName,
  run: (db: Kysely<Database>) => Promise<unknown>,
): Promise<Statement[]> {
  const sent: Statement[] = [];
  await run(compilingDb(dialect, sent));
  return sent;
}

const TODAY = '2026-06-15';
const SCOPE = { park: '临港园区', chainId: 'chain-1' };

describe.each(['sqlite', 'postgres'] as const)('compiled SQL on %s', (dialect) => {
  it('cockpit figures for a year, a park and a chain (驾驶舱)', async () => {
    const sent = await statementsOf(dialect, (db) => cockpitData(db, { year: 2026, today: TODAY, ...SCOPE }));
    expect(sent.length).toBeGreaterThan(5);
    expect(sent).toMatchSnapshot();
  });

  it('warnings from due dates, filtered by kind-free severity and officer (预警)', async () => {
    const sent = await statementsOf(dialect, (db) =>
      warningsData(db, { today: TODAY, ...SCOPE, officerId: 'officer-1', limit: 10 }),
    );
    expect(sent.length).toBeGreaterThan(2);
    expect(sent).toMatchSnapshot();
  });

  it('the project list with every filter (项目列表)', async () => {
    const sent = await statementsOf(dialect, (db) =>
      listProjectIds(
        db,
        dialect,
        {
          q: '宠物食品',
          stage: ['signed', 'started'],
          park: '临港园区',
          priority: 'key',
          officerId: 'officer-1',
          firmId: 'firm-1',
          late: true,
          minInvestment: 100_000_000,
          maxInvestment: 1_000_000_000,
          chainId: 'chain-1',
          linkId: 'link-1',
          signedFrom: '2026-01-01',
          signedTo: '2026-12-31',
          sort: '-totalInvestment',
          limit: 20,
          offset: 40,
        },
        { kind: 'all' },
        TODAY,
        { exactUpTo: 10_000 },
      ),
    );
    expect(sent).toMatchSnapshot();
  });

  it('the project list as an enterprise sees it, by stage order', async () => {
    const sent = await statementsOf(dialect, (db) =>
      listProjectIds(
        db,
        dialect,
        { stage: ['signed'], sort: 'stage', limit: 20, offset: 0 },
        { kind: 'firm', firmId: 'firm-1' },
        TODAY,
        { exactUpTo: 10_000 },
      ),
    );
    expect(sent).toMatchSnapshot();
  });

  it('link stats: stored figures of links for a year, and the full recount (产业链图谱)', async () => {
    const stored = await statementsOf(dialect, (db) => storedLinkStats(db, ['link-1', 'link-2'], 2026));
    const recount = await statementsOf(dialect, (db) => recountLinkStats(db));
    expect({ stored, recount }).toMatchSnapshot();
  });
});
