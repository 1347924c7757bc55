import { HomeOutlined } from '@ant-design/icons';
import { Breadcrumb, Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../locales/i18n-context';

export interface Crumb {
  title: string;
  path?: string;
}

interface PageHeaderProps {
  title: string;
  /** Trail between Home and this page; Home is added in front, the page title at the end. */
  crumbs?: Crumb[];
  subtitle?: ReactNode;
  extra?: ReactNode;
}

/** The breadcrumb trail, title and page-level actions at the top of every page. */
export function PageHeader({ title, crumbs = [], subtitle, extra }: PageHeaderProps) {
  const { t } = useI18n();
  const items = [
    {
      title: (
        <Link to="/">
          <HomeOutlined /> {t('nav.home')}
        </Link>
      ),
    },
    ...crumbs.map((crumb) => ({
      title: crumb.path ? <Link to={crumb.path}>{crumb.title}</Link> : crumb.title,
    })),
    { title },
  ];
  return (
    <div style={{ marginBottom: 16 }}>
      <Breadcrumb items={items} style={{ marginBottom: 8 }} />
      <Flex justify="space-between" align="center" gap={16} wrap>
        <div>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {title}
          </Typography.Title>
          {subtitle ? (
            <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }}>
              {subtitle}
            </Typography.Paragraph>
          ) : null}
        </div>
        {extra ? <div>{extra}</div> : null}
      </Flex>
    </div>
  );
}
