import { ExclamationCircleOutlined, QuestionCircleOutlined } from '@ant-design/icons';
import { Flex, Typography } from 'antd';
import type { ReactNode } from 'react';

const ICONS = {
  warning: <ExclamationCircleOutlined style={{ fontSize: 56, color: '#faad14' }} />,
  missing: <QuestionCircleOutlined style={{ fontSize: 56, color: '#8c8c8c' }} />,
};

/**
 * A full-page message (not found, failed load) drawn from small parts. antd's Result carries its
 * 403/404/500 illustrations (~10 KB gzipped) into every page's first load because the app shell
 * needs a not-found page; an icon says the same on a phone.
 */
export function PlainResult({
  kind,
  title,
  subTitle,
  extra,
}: {
  kind: keyof typeof ICONS;
  title: ReactNode;
  subTitle?: ReactNode;
  extra?: ReactNode;
}) {
  return (
    <Flex
      vertical
      align="center"
      gap={12}
      style={{ padding: '48px 16px', textAlign: 'center' }}
      role="status"
    >
      {ICONS[kind]}
      <Typography.Title level={4} style={{ margin: 0 }}>
        {title}
      </Typography.Title>
      {subTitle ? <Typography.Text type="secondary">{subTitle}</Typography.Text> : null}
      {extra ? <div>{extra}</div> : null}
    </Flex>
  );
}
