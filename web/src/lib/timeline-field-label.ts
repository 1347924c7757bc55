import type { Translate } from '../locales/i18n-context';
import { type MessageKey, zh } from '../locales/zh';

/**
 * Labels of the fields an edit changed (`<entity>.<apiField>` from the timeline API). Most are the
 * form's own label keys; the rest are mapped here. An unknown field shows as sent rather than vanish.
 */
const FIELD_LABELS: Record<string, MessageKey> = {
  'project.priority': 'project.priorityLabel',
  'project.officerId': 'pipeline.officer',
  'project.linkId': 'pipeline.chainLink',
  'project.chainLink': 'pipeline.chainLinkText',
  'project.leadId': 'project.fromLead',
  'project.pausedFromStage': 'project.stage',
  'project.stageReason': 'pipeline.reason',
  'milestone.ownerName': 'milestone.owner',
};

const KNOWN_KEYS: ReadonlySet<string> = new Set(Object.keys(zh));

export function fieldLabel(field: string, t: Translate): string {
  const key = FIELD_LABELS[field] ?? field;
  return KNOWN_KEYS.has(key) ? t(key as MessageKey) : field;
}
