import { Table } from 'antd';
import { Link } from 'react-router-dom';
import type { LeadDetail } from '../../../src/contract/leads.ts';
import { formatDate } from './format.ts';

type Related = LeadDetail['related']['cases'][number];

/** Cases a person is party to (串并), each linking to its case page. */
export function RelatedCases({ cases }: { cases: Related[] }) {
  return (
    <Table<Related>
      size="small"
      rowKey={(r) => `${r.caseNo}-${r.role ?? ''}`}
      pagination={{ pageSize: 5, hideOnSinglePage: true }}
      dataSource={cases}
      locale={{ emptyText: '未发现其他案件' }}
      columns={[
        {
          title: '案号',
          dataIndex: 'caseNo',
          render: (v: string) => <Link to={`/cases/${encodeURIComponent(v)}`}>{v}</Link>,
        },
        { title: '法院', dataIndex: 'court', render: (v: string | null) => v ?? '—' },
        { title: '地位', dataIndex: 'role', render: (v: string | null) => v ?? '—' },
        { title: '结案方式', dataIndex: 'closureType', render: (v: string | null) => v ?? '—' },
        { title: '结案日期', dataIndex: 'closedDate', render: (v: string | null) => formatDate(v) },
      ]}
    />
  );
}
