import { Card, Empty, List, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import type { WorkItem } from '../../../src/contract/campaigns.ts';
import { api } from '../api/client.ts';
import { formatDate } from './format.ts';
import { useApi } from '../hooks/use-api.ts';

const linkOf = (i: WorkItem) =>
  i.kind === 'case' ? `/supervision-cases/${i.id}` : `/leads/${encodeURIComponent(i.id)}`;

/** 本周到期: my open cases (and recommendations awaiting a reply) due within seven days, overdue first. */
export function DueThisWeek() {
  const due = useApi((s) => api.call('GET /api/worklist', { query: { dueWithin: 7 } }, s), []);
  const items = due.data?.items ?? [];
  return (
    <Card
      title="本周到期（我的待办）"
      size="small"
      data-testid="due-this-week"
      loading={due.loading && !due.data}
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
