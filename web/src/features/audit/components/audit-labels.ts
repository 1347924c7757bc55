import type { Bilingual } from '../../../../../shared/src/i18n-message';
import { formatMoney } from '../../../../../shared/src/money';
import { REQUEST_STATUS_LABELS, type RequestStatus } from '../../../../../shared/src/request-status';
import { isMessageKey } from '../../../locales/i18n-context';
import type { MessageKey } from '../../../locales/zh';
import './audit-messages';

type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;
type Pick = (text: Bilingual) => string;

/** `fooBar` → `foo_bar`: snapshots carry both spellings, the labels are keyed by one. */
function snakeCase(field: string): string {
  return field.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
}

/**
 * An action code in words: a named action (audit.actionName.*), `status.<to>` with the status
 * name, or the verb of its last part (request.escalated → 超期自动升级); else the code itself.
 */
export function actionLabel(action: string, t: Translate, pick: Pick): string {
  const named = `audit.actionName.${action}`;
  if (isMessageKey(named)) return t(named);
  const status = /(?:^|\.)status\.([a-z_]+)$/.exec(action)?.[1];
  if (status) {
    const label = REQUEST_STATUS_LABELS[status as RequestStatus];
    return t('menus.verb.status', { status: label ? pick(label) : status });
  }
  const verb = `menus.verb.${action.split('.').pop() ?? action}`;
  return isMessageKey(verb) ? t(verb) : action;
}

/** A snapshot field's label, or the field name where none is written. */
export function fieldLabel(field: string, t: Translate): string {
  const key = `menus.field.${snakeCase(field)}`;
  return isMessageKey(key) ? t(key) : field;
}

/** Amount fields hold integer yuan (shared/src/money): shown in 万元/亿元. */
const MONEY_FIELD = /investment|capital|amount|funds|revenue|tax|_yuan$|yuan$/i;

/** A value as text: amounts in 万元/亿元, strings as they are, anything else as JSON. */
export function valueText(field: string, value: unknown): string {
  if (typeof value === 'number' && MONEY_FIELD.test(field)) return formatMoney(value);
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** The record's own name from its snapshot (name, title or code), so the row need not show a UUID. */
export function recordName(
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
): string | null {
  for (const snapshot of [after, before]) {
    for (const field of ['name', 'title', 'displayName', 'display_name', 'code', 'username']) {
      const value = snapshot?.[field];
      if (typeof value === 'string' && value.trim()) return value;
    }
  }
  return null;
}
