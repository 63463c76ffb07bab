import { useState } from 'react';
import { Button, Card, Descriptions, Space, Table, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Link, useNavigate, useParams } from 'react-router-dom';
import type { CaseDetail } from '../../../src/contract/leads.ts';
import { api } from '../api/client.ts';
import { ErrorResult } from '../components/error-result.tsx';
import { formatMoney } from '../components/format.ts';
import { LeadList } from '../components/lead-list.tsx';
import { PageLoading } from '../components/page-loading.tsx';
import { RevealButton, RevealedNotice } from '../components/reveal-button.tsx';
import { useApi } from '../hooks/use-api.ts';

type Party = CaseDetail['parties'][number];

/** 执行案件: the ledger row, its parties (each opens the person's 串并 page) and its leads. */
export default function CasePage() {
  const { caseNo = '' } = useParams();
  const navigate = useNavigate();
  const [reveal, setReveal] = useState(false);
  const loaded = useApi(
    (s) =>
      api.call(
        'GET /api/cases/:caseNo',
        { params: { caseNo }, query: reveal ? { reveal: '1' } : {} },
        s,
      ),
    [caseNo, reveal],
  );
  const data = loaded.data;
  if (loaded.loading && !data) return <PageLoading />;
  if (loaded.error && !data) return <ErrorResult error={loaded.error} onRetry={loaded.reload} />;
  if (!data) return null;

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="case-page">
      <Card
        title={
          <Space>
            <Button type="text" icon={<ArrowLeftOutlined />} onClick={() => void navigate(-1)} />
            执行案件 {data.caseNo}
          </Space>
        }
        extra={<RevealButton revealed={data.revealed} onToggle={() => setReveal((r) => !r)} />}
      >
        <RevealedNotice revealed={data.revealed} />
        <Descriptions size="small" bordered column={{ xs: 1, md: 2, xl: 3 }}>
          {data.fields.map((f) => (
            <Descriptions.Item key={f.column} label={f.label}>
              {f.value === null
                ? '—'
                : /金额|标的/.test(f.label) && /^-?\d+(\.\d+)?$/.test(f.value)
                  ? formatMoney(f.value)
                  : f.value}
            </Descriptions.Item>
          ))}
        </Descriptions>
      </Card>
      <Card title={`当事人（${data.parties.length}）`} size="small">
        <Table<Party>
          size="small"
          rowKey={(p) => `${p.name}-${p.role ?? ''}-${p.id ?? ''}`}
          pagination={false}
          dataSource={data.parties}
          locale={{ emptyText: '未导入当事人数据' }}
          columns={[
            {
              title: '名称',
              dataIndex: 'name',
              render: (v: string, p) =>
                p.personRef ? (
                  <Link to={`/persons/${encodeURIComponent(p.personRef)}`}>{v}</Link>
                ) : (
                  v
                ),
            },
            { title: '诉讼地位', dataIndex: 'role', render: (v: string | null) => v ?? '—' },
            {
              title: '证件号码',
              dataIndex: 'id',
              render: (v: string | null) => (
                <Typography.Text style={{ fontFamily: 'monospace' }}>{v ?? '—'}</Typography.Text>
              ),
            },
          ]}
        />
      </Card>
      <Card title={`本案线索（${data.leads.length}）`} size="small">
        <LeadList leads={data.leads} empty="本案暂无线索" />
      </Card>
    </Space>
  );
}
