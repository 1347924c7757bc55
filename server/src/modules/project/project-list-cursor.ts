import { errors } from '../../plugins/errors';
import type { ProjectKey } from './project.repository';

/**
 * The project list's keyset cursor (issue 19): the sort it belongs to and the last row's key, as
 * base64url JSON. Opaque to callers; only this file reads or writes it.
 */
export function encodeProjectCursor(sort: string, key: ProjectKey): string {
  return Buffer.from(JSON.stringify([sort, key.value, key.id])).toString('base64url');
}

const badCursor = () =>
  errors.validation([
    {
      path: 'cursor',
      message: {
        zh: '翻页位置无效（请从第一页重新打开列表）',
        en: 'Invalid page cursor (open the list again from its first page)',
      },
    },
  ]);

/** The key a cursor starts after; 400 on `cursor` when it is not one of ours or was made for another sort. */
export function decodeProjectCursor(cursor: string, sort: string): ProjectKey {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw badCursor();
  }
  if (!Array.isArray(parsed) || parsed.length !== 3) throw badCursor();
  const [cursorSort, value, id] = parsed as unknown[];
  const valueOk = value === null || typeof value === 'string' || typeof value === 'number';
  if (cursorSort !== sort || !valueOk || typeof id !== 'string' || id.length > 64) throw badCursor();
  return { value: value as ProjectKey['value'], id };
}
