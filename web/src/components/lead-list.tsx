import { Table } from 'antd';
import { Link } from 'react-router-dom';
import type { LeadRow } from '../../../src/contract/leads.ts';
import { formatDate } from './format.ts';
import { LeadStatusTag, PriorityTag } from './lead-status-tag.tsx';

/** A short list of leads (on a case or person page, or 串并 on a lead page). */
export function LeadList({
  leads,
  empty = '未发现其他线索',
}: {
  leads: LeadRow[];
  empty?: string;
}) {
  return (
    <Table<LeadRow>
      size="small"
      rowKey="id"
      pagination={{ pageSize: 5, hideOnSinglePage: true }}
      dataSource={leads}
      locale={{ emptyText: empty }}
      columns={[
        {
          title: '案号',
          dataIndex: 'caseNo',
          render: (v: string | null, r) => (
            <Link to={`/leads/${encodeURIComponent(r.id)}`}>{v ?? r.id}</Link>
          ),
        },
        { title: '模型', dataIndex: 'modelName', render: (v: string, r) => `${r.modelId} ${v}` },
        {
          title: '优先级',
          dataIndex: 'priority',
          render: (p: string) => <PriorityTag priority={p} />,
        },
        { title: '状态', dataIndex: 'status', render: (s: string) => <LeadStatusTag status={s} /> },
        { title: '发现日期', dataIndex: 'firstSeenAt', render: (v: string) => formatDate(v) },
      ]}
    />
  );
}
