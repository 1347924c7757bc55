import { Tag } from 'antd';
import type { LinkState } from '../../../../../shared/src/chain';
import { useI18n } from '../../../locales/i18n-context';
import type { MapLink } from '../api/use-chains';
import './chain-messages';

/** Map colours: strong green, weak amber, missing red (the gaps to fill: 补链). */
export const STATE_COLOR: Record<LinkState, string> = {
  strong: '#389e0d',
  weak: '#d48806',
  missing: '#cf1322',
};

export function LinkStateTag({ state }: { state: LinkState }) {
  const { t } = useI18n();
  const color = state === 'strong' ? 'success' : state === 'weak' ? 'warning' : 'error';
  return (
    <Tag color={color} data-state={state}>
      {t(`chain.state.${state}`)}
    </Tag>
  );
}

/** Local firms of a link and its sub-links; "1000+" when the server stopped counting. */
export function firmCount(link: Pick<MapLink, 'total' | 'firmsCapped'>): string {
  return link.firmsCapped ? `${link.total.firms}+` : String(link.total.firms);
}
