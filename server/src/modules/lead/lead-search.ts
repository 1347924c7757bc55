import type { LeadTable } from '../../db/database';
import { buildSearchText } from '../../db/dialect-sql';

/** What a lead is found by: title, code, target and referrer names, chain, next step. */
export function leadSearchText(
  l: Pick<LeadTable, 'title' | 'code' | 'target_name' | 'chain_link' | 'next_step'>,
  firmNames: ReadonlyArray<string | null | undefined>,
): string {
  return buildSearchText([l.title, l.code, l.target_name, l.chain_link, l.next_step, ...firmNames]);
}
