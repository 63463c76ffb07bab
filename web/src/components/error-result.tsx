import { Alert, Button, Result } from 'antd';
import { Link } from 'react-router-dom';
import type { ApiError } from '../api/client.ts';

/** A failed load, in Chinese: 404 reads "not found or no right" (the API never tells which). */
export function ErrorResult({ error, onRetry }: { error: ApiError; onRetry?: () => void }) {
  if (error.status === 404) {
    return (
      <Result
        status="404"
        title="未找到"
        subTitle={error.message || '该记录不存在，或您无权查看。'}
        extra={
          <Link to="/">
            <Button type="primary">返回工作台</Button>
          </Link>
        }
      />
    );
  }
  return (
    <Alert
      type="error"
      showIcon
      title="加载失败"
      description={error.message}
      action={onRetry ? <Button onClick={onRetry}>重试</Button> : undefined}
      style={{ margin: 16 }}
    />
  );
}
