import { useState } from 'react';
import { Button, Card, Descriptions, Space, Statistic, Table, Typography } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router-dom';
import type { CampaignDetail } from '../../../src/contract/campaigns.ts';
import { api } from '../api/client.ts';
import { CampaignForm } from '../components/campaign-form.tsx';
import { CaseStateTag } from '../components/case-state-tag.tsx';
import { ErrorResult } from '../components/error-result.tsx';
import { formatCount, formatDate, formatDateTime } from '../components/format.ts';
import { PageLoading } from '../components/page-loading.tsx';
import { useApi } from '../hooks/use-api.ts';

type RunItem = CampaignDetail['runs'][number];
type CaseItem = CampaignDetail['cases'][number];

/** One campaign: what it covers, its runs, how many leads and cases it has, the cases. */
export default function CampaignPage() {
  const { id = '' } = useParams();
  const [editing, setEditing] = useState(false);
  const detail = useApi((s) => api.call('GET /api/campaigns/:id', { params: { id } }, s), [id]);
  const units = useApi((s) => api.call('GET /api/units', {}, s), []);
  const unitName = (u: string) => units.data?.find((x) => x.id === u)?.name ?? u;
  if (detail.loading && !detail.data) return <PageLoading />;
  if (detail.error) return <ErrorResult error={detail.error} onRetry={detail.reload} />;
  const c = detail.data;
  if (!c) return null;
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Card
        title={c.theme}
        data-testid="campaign-page"
        extra={
          <Space>
            <Link to={`/ledger?campaign=${c.id}`}>一本账</Link>
            {c.editable ? (
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
                修改
              </Button>
            ) : null}
          </Space>
        }
      >
        <Space size="large" style={{ marginBottom: 16 }}>
          <Statistic title="运行次数" value={c.runCount} />
          <Link to={`/leads?campaign=${c.id}`}>
            <Statistic title="线索数" value={formatCount(c.leadCount)} />
          </Link>
          <Link to={`/supervision-cases?open=0&campaign=${c.id}`}>
            <Statistic title="监督案件" value={formatCount(c.caseCount)} />
          </Link>
        </Space>
        <Descriptions size="small" column={2} bordered>
          <Descriptions.Item label="活动期间">
            {formatDate(c.startsOn)} 至 {formatDate(c.endsOn)}
          </Descriptions.Item>
          <Descriptions.Item label="发起单位">{c.unitName}</Descriptions.Item>
          <Descriptions.Item label="参加单位" span={2}>
            {c.participantNames.join('、') || '—'}
          </Descriptions.Item>
          <Descriptions.Item label="模型">{c.modelIds.join('、') || '不限'}</Descriptions.Item>
          <Descriptions.Item label="范围：单位">
            {c.scopeUnitIds.map(unitName).join('、') || '不限'}
          </Descriptions.Item>
          <Descriptions.Item label="范围：法院">{c.courts.join('、') || '不限'}</Descriptions.Item>
          <Descriptions.Item label="范围：终本日期">
            {c.closedFrom || c.closedTo
              ? `${formatDate(c.closedFrom)} 至 ${formatDate(c.closedTo)}`
              : '不限'}
          </Descriptions.Item>
          <Descriptions.Item label="说明" span={2}>
            {c.note || '—'}
          </Descriptions.Item>
          <Descriptions.Item label="创建">
            {c.createdBy ?? '—'} {formatDateTime(c.createdAt)}
          </Descriptions.Item>
          <Descriptions.Item label="最后修改">
            {c.updatedBy ?? '—'} {formatDateTime(c.updatedAt)}（第 {c.version} 版）
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card title="本活动下的运行" size="small">
        <Table<RunItem>
          rowKey="id"
          size="small"
          dataSource={c.runs}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          locale={{ emptyText: '尚未在本活动下运行模型（运行时在“专项活动”中选择本活动）' }}
          columns={[
            { title: '运行', dataIndex: 'id', render: (v: number) => `#${v}` },
            { title: '开始', dataIndex: 'startedAt', render: (v: string) => formatDateTime(v) },
            { title: '基准日', dataIndex: 'asOf', render: (v: string | null) => formatDate(v) },
            { title: '模型', dataIndex: 'modelIds', render: (v: string[]) => v.join('、') },
            { title: '线索', dataIndex: 'leads', align: 'right' },
            {
              title: '状态',
              dataIndex: 'status',
              render: (v: string) =>
                v === 'finished' ? '完成' : v === 'failed' ? '有失败' : '运行中',
            },
          ]}
        />
      </Card>
      <Card
        title="本活动的监督案件"
        size="small"
        extra={<Link to={`/supervision-cases?open=0&campaign=${c.id}`}>全部</Link>}
      >
        <Table<CaseItem>
          rowKey="id"
          size="small"
          dataSource={c.cases}
          pagination={false}
          locale={{ emptyText: '暂无案件' }}
          columns={[
            {
              title: '案号',
              dataIndex: 'caseNo',
              render: (v: string, r) => <Link to={`/supervision-cases/${r.id}`}>{v}</Link>,
            },
            { title: '标题', dataIndex: 'title', ellipsis: true },
            {
              title: '状态',
              dataIndex: 'state',
              render: (v: string) => <CaseStateTag state={v} />,
            },
            {
              title: '单位',
              dataIndex: 'unitName',
              render: (v: string) => <Typography.Text>{v}</Typography.Text>,
            },
          ]}
        />
      </Card>
      <CampaignForm
        open={editing}
        campaign={c}
        onClose={() => setEditing(false)}
        onSaved={() => {
          setEditing(false);
          detail.reload();
        }}
      />
    </Space>
  );
}
