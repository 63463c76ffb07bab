import { App, Button, Card, Input, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import type { SupervisionCase } from '../../../src/contract/casework.ts';
import { CASE_STATES } from '../../../src/contract/vocabulary.ts';
import { api, ApiError, downloadRoute } from '../api/client.ts';
import { CaseStateTag } from '../components/case-state-tag.tsx';
import { ErrorResult } from '../components/error-result.tsx';
import { formatDate, formatDateTime } from '../components/format.ts';
import { useApi } from '../hooks/use-api.ts';
import { useUrlState } from '../hooks/use-url-state.ts';

/**
 * 监督案件: the cases of my unit and those below, filtered by state, open only, text, campaign or
 * unit (with the units below: the ledger's drill-down).
 */
export default function SupervisionCasesPage() {
  const url = useUrlState();
  const { message } = App.useApp();
  const state = {
    state: url.get('state') ?? '',
    open: url.get('open') ?? '1',
    q: url.get('q') ?? '',
    campaign: url.get('campaign') ?? '',
    unitId: url.get('unitId') ?? '',
  };
  // The statistics page's drill-down: a unit (with those below), a model, an opening period.
  const drill = {
    unitId: url.get('unitId'),
    modelId: url.get('modelId'),
    openedFrom: url.get('openedFrom'),
    openedTo: url.get('openedTo'),
  };
  const drillQuery = Object.fromEntries(Object.entries(drill).filter(([, v]) => v)) as Record<
    keyof typeof drill,
    string
  >;
  const page = Number(url.get('page')) || 1;
  const setState = (patch: Record<string, string>) => url.set(patch);
  // The list's filters; the Excel export takes the same ones (every page).
  const filters = {
    ...(state.state ? { state: state.state } : {}),
    ...(state.open === '1' ? { open: '1' as const } : {}),
    ...(state.q ? { q: state.q } : {}),
    ...(state.campaign ? { campaign: state.campaign } : {}),
    ...drillQuery,
  };
  const loaded = useApi(
    (s) =>
      api.call(
        'GET /api/supervision-cases',
        { query: { page: String(page), pageSize: '20', ...filters } },
        s,
      ),
    [state.state, state.open, state.q, state.campaign, page, ...Object.values(drill)],
  );
  const campaigns = useApi((s) => api.call('GET /api/campaigns', { query: {} }, s), []);
  const units = useApi((s) => api.call('GET /api/units', {}, s), []);
  if (loaded.error && !loaded.data) {
    return <ErrorResult error={loaded.error} onRetry={loaded.reload} />;
  }
  return (
    <Card
      title="监督案件"
      data-testid="supervision-cases-page"
      extra={
        <Space>
          <Button
            icon={<DownloadOutlined />}
            data-testid="cases-export"
            onClick={() =>
              void downloadRoute(
                'GET /api/supervision-cases/export.xlsx',
                { query: filters },
                '监督案件.xlsx',
              ).then(
                () => message.success('已导出（本次导出已记入审计日志）'),
                (e: unknown) => message.error(e instanceof ApiError ? e.message : '导出失败'),
              )
            }
          >
            导出 Excel
          </Button>
          <Link to="/supervision-cases/outcomes">成效台账</Link>
        </Space>
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          allowClear
          placeholder="案件状态"
          style={{ width: 160 }}
          value={state.state || undefined}
          options={CASE_STATES.map((s) => ({ value: s, label: s }))}
          onChange={(v?: string) => setState({ state: v ?? '', page: '1' })}
        />
        <Select
          allowClear
          showSearch
          optionFilterProp="label"
          placeholder="专项活动"
          style={{ width: 180 }}
          data-testid="cases-campaign"
          value={state.campaign || undefined}
          onChange={(v?: string) => setState({ campaign: v ?? '', page: '1' })}
          options={(campaigns.data ?? []).map((c) => ({ value: String(c.id), label: c.theme }))}
        />
        <Select
          allowClear
          showSearch
          optionFilterProp="label"
          placeholder="单位（含下级）"
          style={{ width: 200 }}
          value={state.unitId || undefined}
          onChange={(v?: string) => setState({ unitId: v ?? '', page: '1' })}
          options={(units.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
        />
        <Space>
          <Switch
            checked={state.open === '1'}
            onChange={(v) => setState({ open: v ? '1' : '0', page: '1' })}
          />
          <span>只看未结案</span>
        </Space>
        <Input.Search
          allowClear
          placeholder="案号、标题或执行案号"
          style={{ width: 280 }}
          defaultValue={state.q}
          onSearch={(v) => setState({ q: v.trim(), page: '1' })}
        />
        {Object.keys(drillQuery).length > 0 && (
          <Tag
            closable
            color="blue"
            onClose={() =>
              url.set({ unitId: null, modelId: null, openedFrom: null, openedTo: null, page: '1' })
            }
          >
            统计筛选：
            {[
              drill.unitId && `单位 ${drill.unitId}`,
              drill.modelId && `模型 ${drill.modelId}`,
              (drill.openedFrom || drill.openedTo) &&
                `立案 ${drill.openedFrom ?? ''}～${drill.openedTo ?? ''}`,
            ]
              .filter(Boolean)
              .join('，')}
          </Tag>
        )}
      </Space>
      <Table<SupervisionCase>
        rowKey="id"
        size="middle"
        loading={loaded.loading}
        dataSource={loaded.data?.items ?? []}
        locale={{ emptyText: '暂无监督案件：在线索详情页点「立案」' }}
        pagination={{
          current: page,
          pageSize: 20,
          total: loaded.data?.total ?? 0,
          showTotal: (t) => `共 ${t} 件`,
          showSizeChanger: false,
          onChange: (p) => setState({ page: String(p) }),
        }}
        columns={[
          {
            title: '案号',
            dataIndex: 'caseNo',
            render: (v: string, c) => <Link to={`/supervision-cases/${c.id}`}>{v}</Link>,
          },
          {
            title: '类型',
            dataIndex: 'kind',
            render: (v: string) => <Tag color={v === '类案' ? 'purple' : 'blue'}>{v}</Tag>,
          },
          { title: '标题', dataIndex: 'title', ellipsis: true },
          { title: '状态', dataIndex: 'state', render: (v: string) => <CaseStateTag state={v} /> },
          { title: '线索', dataIndex: 'leadCount', align: 'right' },
          { title: '承办人', dataIndex: 'handlerName', render: (v: string | null) => v ?? '—' },
          { title: '办理期限', dataIndex: 'dueDate', render: (v: string | null) => formatDate(v) },
          { title: '单位', dataIndex: 'unitName' },
          {
            title: '更新',
            dataIndex: 'updatedAt',
            render: (v: string) => (
              <Typography.Text type="secondary">{formatDateTime(v)}</Typography.Text>
            ),
          },
        ]}
      />
    </Card>
  );
}
