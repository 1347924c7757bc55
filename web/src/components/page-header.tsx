import { HomeOutlined } from '@ant-design/icons';
import { Flex, Typography } from 'antd';
import { Fragment, type ReactNode } from 'react';
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
  const trail: Array<{ key: string; node: ReactNode }> = [
    {
      key: '/',
      node: (
        <Link to="/">
          <HomeOutlined /> {t('nav.home')}
        </Link>
      ),
    },
    ...crumbs.map((crumb, index) => ({
      key: `${index}:${crumb.title}`,
      node: crumb.path ? <Link to={crumb.path}>{crumb.title}</Link> : crumb.title,
    })),
    { key: 'page', node: <span className="lz-crumb-current">{title}</span> },
  ];
  return (
    <div style={{ marginBottom: 16 }}>
      {/* A plain trail: antd's Breadcrumb carries the dropdown and menu libraries into every page. */}
      <nav className="lz-crumbs" aria-label="breadcrumb">
        {trail.map((item, index) => (
          <Fragment key={item.key}>
            {index > 0 ? <span className="lz-crumb-separator">/</span> : null}
            {item.node}
          </Fragment>
        ))}
      </nav>
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
