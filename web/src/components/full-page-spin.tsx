import { Flex, Spin } from 'antd';

/** Shown while the session or a lazily loaded page arrives. */
export function FullPageSpin() {
  return (
    <Flex align="center" justify="center" style={{ minHeight: '50vh' }}>
      <Spin size="large" />
    </Flex>
  );
}
