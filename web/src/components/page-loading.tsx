import { Spin } from 'antd';

/** What a page shows while its code or first data loads. */
export function PageLoading({ tip = '加载中…' }: { tip?: string }) {
  return (
    <div style={{ padding: 80, textAlign: 'center' }}>
      <Spin size="large" />
      <div style={{ marginTop: 12, color: '#888' }}>{tip}</div>
    </div>
  );
}
