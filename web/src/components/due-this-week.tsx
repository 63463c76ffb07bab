import { App, Button, Card, Empty, List, Tag, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import type { WorkItem } from '../../../src/contract/campaigns.ts';
import { api, ApiError, downloadRoute } from '../api/client.ts';
import { formatDate } from './format.ts';
import { useApi } from '../hooks/use-api.ts';

const linkOf = (i: WorkItem) =>
  i.kind === 'case' ? `/supervision-cases/${i.id}` : `/leads/${encodeURIComponent(i.id)}`;

/** 本周到期: my open cases (and recommendations awaiting a reply) due within seven days, overdue first. */
export function DueThisWeek() {
  const { message } = App.useApp();
  const due = useApi((s) => api.call('GET /api/worklist', { query: { dueWithin: 7 } }, s), []);
  const items = due.data?.items ?? [];
  return (
    <Card
      title="本周到期（我的待办）"
      size="small"
      data-testid="due-this-week"
      loading={due.loading && !due.data}
      extra={
        // The whole work list (工作清单), not only this week's part of it.
        <Button
          size="small"
          type="link"
          icon={<DownloadOutlined />}
          data-testid="worklist-export"
          onClick={() =>
            void downloadRoute(
              'GET /api/worklist/export.xlsx',
              { query: {} },
              '工作清单.xlsx',
            ).then(
              () => message.success('已导出（本次导出已记入审计日志）'),
              (e: unknown) => message.error(e instanceof ApiError ? e.message : '导出失败'),
            )
          }
        >
          导出工作清单
        </Button>
      }
    >
      {items.length === 0 ? (
        <Empty description="七日内没有到期的事项" image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        <List
          size="small"
          dataSource={items.slice(0, 10)}
          renderItem={(i) => (
            <List.Item
              extra={
                <span>
                  {i.overdue ? <Tag color="red">已逾期</Tag> : null}
                  <Typography.Text type={i.overdue ? 'danger' : undefined}>
                    {i.deadlineKind} {formatDate(i.deadline)}
                  </Typography.Text>
                </span>
              }
            >
              <Link to={linkOf(i)}>{i.title}</Link>
              <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
                {i.state}
              </Typography.Text>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
