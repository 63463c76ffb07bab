import { Table, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import type { RunResult } from '../../../src/contract/models.ts';
import { formatCount } from './format.ts';

type ModelRun = RunResult['models'][number];

const STATE: Record<ModelRun['state'], { color: string; text: string }> = {
  ran: { color: 'green', text: '已运行' },
  skipped: { color: 'default', text: '已跳过' },
  failed: { color: 'red', text: '失败' },
};

/** A finished run: per model, leads found (new / changed), or why it was skipped. */
export function RunResultView({
  result,
  names = {},
}: {
  result: RunResult;
  /** model id → Chinese name, when the page has the library */
  names?: Record<string, string>;
}) {
  return (
    <div data-testid="run-result">
      <Typography.Paragraph>
        共发现线索 <Typography.Text strong>{formatCount(result.totalLeads)}</Typography.Text>{' '}
        条，其中新增 <Typography.Text strong>{formatCount(result.newLeads)}</Typography.Text> 条
        {result.asOf ? `（基准日期 ${result.asOf}）` : ''}。 <Link to="/leads">查看线索</Link>
      </Typography.Paragraph>
      <Table<ModelRun>
        size="small"
        rowKey="modelId"
        pagination={false}
        dataSource={result.models}
        columns={[
          {
            title: '模型',
            dataIndex: 'modelId',
            render: (v: string) => (
              <Link to={`/models/${encodeURIComponent(v)}`}>
                {v} {names[v] ?? ''}
              </Link>
            ),
          },
          {
            title: '结果',
            dataIndex: 'state',
            render: (s: ModelRun['state']) => <Tag color={STATE[s].color}>{STATE[s].text}</Tag>,
          },
          { title: '线索', dataIndex: 'leads', align: 'right', render: formatCount },
          { title: '新增', dataIndex: 'newLeads', align: 'right', render: formatCount },
          { title: '证据变化', dataIndex: 'changedLeads', align: 'right', render: formatCount },
          {
            title: '耗时',
            dataIndex: 'ms',
            align: 'right',
            render: (v: number) => `${(v / 1000).toFixed(1)} 秒`,
          },
          { title: '说明', dataIndex: 'reason', render: (v: string | null) => v ?? '' },
        ]}
      />
    </div>
  );
}
