import { Typography } from 'antd';
import { Link } from 'react-router';
import type { RecordLink } from '../../../shared/src/chain';
import { useCan } from '../lib/use-me';

interface RecordLinkTextProps {
  link: RecordLink | null;
  /** The imported free text (`chainLink`), shown when the record is on no link yet. */
  fallback?: string | null;
}

/**
 * A record's chain link as "chain › link", opening the chain map (`/chains/:id`) for those who may
 * read chains; plain text for others (an enterprise sees its project's link, not the map).
 */
export function RecordLinkText({ link, fallback }: RecordLinkTextProps) {
  const can = useCan();
  if (!link) return <>{fallback || '—'}</>;
  const text = `${link.chainName} › ${link.name}`;
  if (!can('chain.read')) return <Typography.Text>{text}</Typography.Text>;
  return (
    <Link to={`/chains/${encodeURIComponent(link.chainId)}`} data-testid="record-link">
      {text}
    </Link>
  );
}
