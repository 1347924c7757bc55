import { z } from 'zod';
import { idString } from '../../../shared/src/contract/fields';

/**
 * The contract's field schemas live in shared/src/contract/fields.ts (the web uses their limits);
 * re-exported here with the query-string helpers only the server parses.
 */
export {
  idString,
  localDate,
  longText,
  money,
  nameText,
  personName,
  shortText,
} from '../../../shared/src/contract/fields';
export { TEXT_LIMITS } from '../../../shared/src/text';

export const idParams = z.object({ id: idString });

/** Query-string booleans: `true`/`false` (and 1/0). */
export const queryBool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

/** Query-string list: `stage=a,b` or repeated. */
export function queryList<T extends z.ZodType<string, string>>(item: T) {
  return z
    .union([z.string(), z.array(z.string())])
    .transform((v) => (Array.isArray(v) ? v : v.split(',')).map((s) => s.trim()).filter(Boolean))
    .pipe(z.array(item).max(20));
}
