import { App, Button, Card, Select, Space, Table, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import type { LedgerRow } from '../../../src/contract/campaigns.ts';
import { api, ApiError, downloadRoute } from '../api/client.ts';
import { ErrorResult } from '../components/error-result.tsx';
import { formatCount, formatMoney } from '../components/format.ts';
import { useApi } from '../hooks/use-api.ts';
import { useUrlState } from '../hooks/use-url-state.ts';

/** The rows behind a figure: the lead table or the case list, with the unit and campaign filters. */
function drill(kind: 'leads' | 'judged' | 'cases', unitId: string, campaign: string): string {
  const q = new URLSearchParams({ unitId });
  if (campaign) q.set('campaign', campaign);
  if (kind === 'judged') q.set('status', '已成案,已排除,已合并');
  if (kind === 'cases') q.set('open', '0');
  return `${kind === 'cases' ? '/supervision-cases' : '/leads'}?${q.toString()}`;
}

/** The recommendations behind 检察建议数 (issued) or 采纳数 (the reply in force 采纳). */
function recDrill(adopted: boolean, unitId: string, campaign: string): string {
  const q = new URLSearchParams({ tab: 'all', unitId, state: '已发出' });
  if (campaign) q.set('campaign', campaign);
  if (adopted) q.set('result', '采纳');
  return `/recommendations?${q.toString()}`;
}

/** The outcomes behind 恢复执行数 or 执行到位金额. */
function outcomeDrill(kind: '恢复执行' | '执行到位', unitId: string, campaign: string): string {
  const q = new URLSearchParams({ unitId, kind });
  if (campaign) q.set('campaign', campaign);
  return `/supervision-cases/outcomes?${q.toString()}`;
}

/**
 * 一本账: per unit (each with the units below it, expandable), optionally of one campaign — leads,
 * judged, cases, recommendations, adopted, resumed, money. Each figure opens its rows.
 */
export default function LedgerPage() {
  const { message } = App.useApp();
  const url = useUrlState();
  const campaign = url.get('campaign') ?? '';
  const query = campaign ? { campaign } : {};
  const ledger = useApi((s) => api.call('GET /api/ledger', { query }, s), [campaign]);
  const campaigns = useApi((s) => api.call('GET /api/campaigns', { query: {} }, s), []);
  if (ledger.error && !ledger.data) {
    return <ErrorResult error={ledger.error} onRetry={ledger.reload} />;
  }
  // A zero has no rows to open: plain text.
  const count = (kind: 'leads' | 'judged' | 'cases') => (v: number, r: LedgerRow) =>
    v === 0 ? (
      <Typography.Text type="secondary">0</Typography.Text>
    ) : (
      <Link to={drill(kind, r.unitId, campaign)}>{formatCount(v)}</Link>
    );
  const cases = count('cases');
  const recs = (adopted: boolean) => (v: number, r: LedgerRow) =>
    v === 0 ? (
      <Typography.Text type="secondary">0</Typography.Text>
    ) : (
      <Link to={recDrill(adopted, r.unitId, campaign)}>{formatCount(v)}</Link>
    );
  return (
    <Card
      title="一本账"
      data-testid="ledger-page"
      extra={
        <Space>
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            placeholder="全部专项活动"
            style={{ width: 220 }}
            value={campaign || undefined}
            data-testid="ledger-campaign"
            onChange={(v?: string) => url.set({ campaign: v ?? null })}
            options={(campaigns.data ?? []).map((c) => ({ value: String(c.id), label: c.theme }))}
          />
          <Button
            icon={<DownloadOutlined />}
            onClick={() =>
              void downloadRoute('GET /api/ledger/export.xlsx', { query }, '一本账.xlsx').catch(
                (e: unknown) => message.error(e instanceof ApiError ? e.message : '导出失败'),
              )
            }
          >
            导出 Excel
          </Button>
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">
        每个单位的数字包含其下级单位；已研判 = 已成案 + 已排除 + 已合并；检察建议数为已发出的；
        采纳数以法院最近一次回复为准；金额为执行到位金额（元）。点数字查看明细。
      </Typography.Paragraph>
      <Table<LedgerRow>
        rowKey="unitId"
        size="middle"
        loading={ledger.loading}
        dataSource={ledger.data?.rows ?? []}
        pagination={false}
        expandable={{
          defaultExpandedRowKeys: ledger.data?.rows.map((r) => r.unitId) ?? [],
        }}
        key={`${campaign}-${ledger.data ? 'loaded' : 'loading'}`}
        columns={[
          { title: '单位', dataIndex: 'unitName' },
          { title: '线索数', dataIndex: 'leads', align: 'right', render: count('leads') },
          { title: '已研判', dataIndex: 'judged', align: 'right', render: count('judged') },
          { title: '成案数', dataIndex: 'cases', align: 'right', render: cases },
          {
            title: '检察建议数',
            dataIndex: 'recommendations',
            align: 'right',
            render: recs(false),
          },
          { title: '采纳数', dataIndex: 'adopted', align: 'right', render: recs(true) },
          {
            title: '恢复执行数',
            dataIndex: 'resumed',
            align: 'right',
            render: (v: number, r) =>
              v === 0 ? (
                <Typography.Text type="secondary">0</Typography.Text>
              ) : (
                <Link to={outcomeDrill('恢复执行', r.unitId, campaign)}>{formatCount(v)}</Link>
              ),
          },
          {
            title: '执行到位金额',
            dataIndex: 'money',
            align: 'right',
            render: (v: string, r) =>
              v === '0.00' ? (
                <Typography.Text type="secondary">{formatMoney(v)}</Typography.Text>
              ) : (
                <Link to={outcomeDrill('执行到位', r.unitId, campaign)}>{formatMoney(v)}</Link>
              ),
          },
        ]}
      />
    </Card>
  );
}
