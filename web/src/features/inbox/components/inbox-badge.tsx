import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Tooltip } from 'antd';
import { useNavigate } from 'react-router';
import { useI18n } from '../../../locales/i18n-context';
import { useInboxCount } from '../api/use-inbox';

/** The header bell: how many things need the user now; opens the workbench (工作台) that lists them. */
export function InboxBadge() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const count = useInboxCount();
  const n = count.data?.badge ?? 0;
  return (
    <Tooltip title={t('inbox.title')}>
      <Badge count={n} size="small" overflowCount={99} data-testid="inbox-badge-count">
        <Button
          type="text"
          icon={<BellOutlined />}
          onClick={() => navigate('/')}
          aria-label={t('inbox.title')}
          data-testid="inbox-badge"
        />
      </Badge>
    </Tooltip>
  );
}
