import { useMemo, useState } from 'react';
import {
  App,
  Button,
  Card,
  DatePicker,
  Dropdown,
  Input,
  Select,
  Space,
  Table,
  Tooltip,
  Typography,
} from 'antd';
import type { TableProps } from 'antd';
import {
  DeleteOutlined,
  DownloadOutlined,
  FolderAddOutlined,
  FilterOutlined,
  SaveOutlined,
  StopOutlined,
  UserAddOutlined,
} from '@ant-design/icons';
import dayjs from 'dayjs';
import { Link } from 'react-router-dom';
import { LEAD_SORTS } from '../../../src/contract/leads.ts';
import { LEAD_STATUSES, PRIORITIES } from '../../../src/contract/vocabulary.ts';
import type { LeadFilter, LeadRow, LeadSort } from '../../../src/contract/leads.ts';
import { api, ApiError, downloadRoute, type CallInput } from '../api/client.ts';
import { AssignModal } from '../components/assign-modal.tsx';
import { DismissModal } from '../components/dismiss-modal.tsx';
import { OpenCaseDialog, type OpenCaseMode } from '../components/open-case-dialog.tsx';
import type { DismissValues } from '../components/dismiss-modal.tsx';
import { ErrorResult } from '../components/error-result.tsx';
import { formatDate } from '../components/format.ts';
import { LeadStatusTag, PriorityTag } from '../components/lead-status-tag.tsx';
import { useApi } from '../hooks/use-api.ts';
import { useSession } from '../hooks/use-session.tsx';
import { useUrlState } from '../hooks/use-url-state.ts';

const FILTER_KEYS = [
  'modelId',
  'status',
  'court',
  'unitId',
  'priority',
  'dateFrom',
  'dateTo',
  'assigneeId',
  'campaign',
  'q',
] as const;

/** A sort of the contract's list, or undefined (a column the server does not sort by). */
const sortOf = (field: unknown): LeadSort | undefined => LEAD_SORTS.find((s) => s === field);

/** 线索: server-side paging, sorting and filters; every filter lives in the URL. */
export default function LeadsPage() {
  const { message, modal } = App.useApp();
  const { hasRight } = useSession();
  const url = useUrlState();
  const [selected, setSelected] = useState<string[]>([]);
  const [caseDialog, setCaseDialog] = useState<OpenCaseMode | null>(null);
  const [dialog, setDialog] = useState<'assign' | 'dismiss' | null>(null);
  const [busy, setBusy] = useState(false);
  const [qDraft, setQDraft] = useState(url.get('q') ?? '');

  const filter: LeadFilter = useMemo(() => {
    const f: Record<string, string> = {};
    for (const k of FILTER_KEYS) {
      const v = url.get(k);
      if (v) f[k] = v;
    }
    return f as LeadFilter;
  }, [url]);
  const page = Number(url.get('page') ?? 1) || 1;
  const pageSize = Number(url.get('pageSize') ?? 20) || 20;
  const sort = sortOf(url.get('sort')) ?? 'priority';
  const order = (url.get('order') ?? 'desc') as 'asc' | 'desc';

  const leads = useApi(
    (signal) =>
      api.call('GET /api/leads', { query: { ...filter, page, pageSize, sort, order } }, signal),
    [JSON.stringify(filter), page, pageSize, sort, order],
  );
  const models = useApi((s) => api.call('GET /api/models', {}, s), []);
  const units = useApi((s) => api.call('GET /api/units', {}, s), []);
  const campaigns = useApi((s) => api.call('GET /api/campaigns', { query: {} }, s), []);
  const saved = useApi((s) => api.call('GET /api/leads/filters', {}, s), []);

  const setFilter = (patch: Partial<Record<(typeof FILTER_KEYS)[number], string | undefined>>) => {
    setSelected([]);
    url.set({ ...patch, page: null });
  };
  const clearFilters = () => {
    setQDraft('');
    setSelected([]);
    url.set(Object.fromEntries([...FILTER_KEYS, 'page'].map((k) => [k, null])));
  };

  const canWork = hasRight('work_leads');
  const canAssign = hasRight('assign_leads');

  const bulk = async (body: CallInput<'POST /api/leads/bulk'>['body'], done: string) => {
    setBusy(true);
    try {
      const r = await api.call('POST /api/leads/bulk', { body });
      message.success(`${done} ${r.updated} 条${r.skipped ? `，跳过 ${r.skipped} 条` : ''}`);
      setDialog(null);
      setSelected([]);
      leads.reload();
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : '操作失败');
    } finally {
      setBusy(false);
    }
  };

  const exportExcel = async () => {
    try {
      const query = { ...filter, ...(selected.length ? { leadIds: selected.join(',') } : {}) };
      await downloadRoute('GET /api/leads/export.xlsx', { query }, '线索.xlsx');
      message.success('已导出（本次导出已记入审计日志）');
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : '导出失败');
    }
  };

  const saveFilter = () => {
    let name = '';
    modal.confirm({
      title: '保存当前筛选',
      icon: <SaveOutlined />,
      content: (
        <Input
          placeholder="名称，如：高优先级待研判"
          maxLength={50}
          onChange={(e) => (name = e.target.value)}
        />
      ),
      okText: '保存',
      onOk: async () => {
        if (!name.trim()) {
          message.warning('请输入名称');
          throw new Error('empty');
        }
        await api.call('POST /api/leads/filters', { body: { name: name.trim(), filter } });
        message.success('已保存');
        saved.reload();
      },
    });
  };

  const sortOrder = (field: string) =>
    sort === field ? (order === 'asc' ? ('ascend' as const) : ('descend' as const)) : null;

  const columns: TableProps<LeadRow>['columns'] = [
    {
      title: '优先级',
      dataIndex: 'priority',
      width: 76,
      sorter: true,
      sortOrder: sortOrder('priority'),
      render: (p: string) => <PriorityTag priority={p} />,
    },
    {
      title: '模型',
      dataIndex: 'modelId',
      width: 140,
      sorter: true,
      sortOrder: sortOrder('modelId'),
      render: (_: string, r) => (
        <Tooltip title={`版本 ${r.modelVersion}`}>
          <div>
            <Typography.Text type="secondary">{r.modelId}</Typography.Text>
            <div style={{ fontSize: 13 }}>{r.modelName}</div>
          </div>
        </Tooltip>
      ),
    },
    {
      title: '案号 / 法院',
      dataIndex: 'caseNo',
      width: 190,
      sorter: true,
      sortOrder: sortOrder('caseNo'),
      render: (v: string | null, r) => (
        <div>
          <Link to={`/leads/${encodeURIComponent(r.id)}`}>{v ?? '（无案号）'}</Link>
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {r.court ?? r.unitName ?? '—'}
            </Typography.Text>
          </div>
        </div>
      ),
    },
    {
      title: '被执行人',
      dataIndex: 'subjectName',
      width: 150,
      render: (v: string | null, r) => (
        <div>
          <div>{v ?? '—'}</div>
          {r.subjectId && (
            <Typography.Text type="secondary" style={{ fontSize: 12, fontFamily: 'monospace' }}>
              {r.subjectId}
            </Typography.Text>
          )}
        </div>
      ),
    },
    {
      title: '发现',
      dataIndex: 'summary',
      render: (v: string) => (
        <Typography.Paragraph
          ellipsis={{ rows: 2, tooltip: v }}
          style={{ margin: 0, minWidth: 240 }}
        >
          {v}
        </Typography.Paragraph>
      ),
    },
    {
      title: '状态 / 承办人',
      dataIndex: 'status',
      width: 120,
      sorter: true,
      sortOrder: sortOrder('status'),
      render: (s: string, r) => (
        <div>
          <LeadStatusTag status={s} changed={r.changed} />
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {r.assigneeName ?? '未指派'}
            </Typography.Text>
          </div>
        </div>
      ),
    },
    {
      title: '发现日期',
      dataIndex: 'firstSeenAt',
      width: 105,
      sorter: true,
      sortOrder: sortOrder('firstSeenAt'),
      render: (v: string) => formatDate(v),
    },
  ];

  const statusValues = filter.status ? filter.status.split(',') : [];

  return (
    <Card
      title="线索"
      extra={
        <Space>
          <Dropdown
            menu={{
              items:
                (saved.data ?? []).length === 0
                  ? [{ key: 'none', label: '尚无保存的筛选', disabled: true }]
                  : (saved.data ?? []).map((f) => ({
                      key: f.id,
                      label: (
                        <Space style={{ width: '100%', justifyContent: 'space-between' }}>
                          <span>{f.name}</span>
                          <DeleteOutlined
                            onClick={(e) => {
                              e.stopPropagation();
                              void api
                                .call('DELETE /api/leads/filters/:id', { params: { id: f.id } })
                                .then(() => saved.reload());
                            }}
                          />
                        </Space>
                      ),
                    })),
              onClick: ({ key }) => {
                const f = saved.data?.find((x) => x.id === key);
                if (!f) return;
                setQDraft(f.filter.q ?? '');
                url.set({
                  ...Object.fromEntries(FILTER_KEYS.map((k) => [k, null])),
                  ...Object.fromEntries(
                    Object.entries(f.filter).map(([k, v]) => [
                      k,
                      v === undefined ? null : String(v),
                    ]),
                  ),
                  page: null,
                });
              },
            }}
          >
            <Button icon={<FilterOutlined />}>保存的筛选</Button>
          </Dropdown>
          <Button icon={<SaveOutlined />} onClick={saveFilter}>
            保存当前筛选
          </Button>
        </Space>
      }
    >
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          allowClear
          showSearch
          optionFilterProp="label"
          placeholder="模型"
          style={{ width: 220 }}
          value={filter.modelId}
          onChange={(v?: string) => setFilter({ modelId: v })}
          loading={models.loading}
          options={(models.data ?? []).map((m) => ({ value: m.id, label: `${m.id} ${m.name}` }))}
          data-testid="filter-model"
        />
        <Select
          mode="multiple"
          allowClear
          placeholder="状态"
          style={{ minWidth: 160 }}
          value={statusValues}
          onChange={(v: string[]) => setFilter({ status: v.length ? v.join(',') : undefined })}
          options={LEAD_STATUSES.map((s) => ({ value: s, label: s }))}
          data-testid="filter-status"
        />
        <Select
          mode="multiple"
          allowClear
          placeholder="优先级"
          style={{ minWidth: 110 }}
          value={filter.priority ? filter.priority.split(',') : []}
          onChange={(v: string[]) => setFilter({ priority: v.length ? v.join(',') : undefined })}
          options={PRIORITIES.map((p) => ({ value: p, label: p }))}
        />
        <Select
          allowClear
          showSearch
          optionFilterProp="label"
          placeholder="单位"
          style={{ width: 200 }}
          value={filter.unitId}
          onChange={(v?: string) => setFilter({ unitId: v })}
          options={(units.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
        />
        <Select
          allowClear
          showSearch
          optionFilterProp="label"
          placeholder="专项活动"
          style={{ width: 180 }}
          data-testid="leads-campaign"
          value={filter.campaign}
          onChange={(v?: string) => setFilter({ campaign: v })}
          options={(campaigns.data ?? []).map((c) => ({ value: String(c.id), label: c.theme }))}
        />
        <Input
          allowClear
          placeholder="法院"
          style={{ width: 180 }}
          defaultValue={filter.court}
          key={`court-${filter.court ?? ''}`}
          onBlur={(e) =>
            e.target.value !== (filter.court ?? '') &&
            setFilter({ court: e.target.value || undefined })
          }
          onPressEnter={(e) => setFilter({ court: e.currentTarget.value || undefined })}
        />
        <DatePicker.RangePicker
          placeholder={['发现日期起', '止']}
          value={[
            filter.dateFrom ? dayjs(filter.dateFrom) : null,
            filter.dateTo ? dayjs(filter.dateTo) : null,
          ]}
          onChange={(r) =>
            setFilter({
              dateFrom: r?.[0]?.format('YYYY-MM-DD'),
              dateTo: r?.[1]?.format('YYYY-MM-DD'),
            })
          }
        />
        <Input.Search
          allowClear
          placeholder="案号、当事人、发现内容"
          style={{ width: 260 }}
          value={qDraft}
          onChange={(e) => setQDraft(e.target.value)}
          onSearch={(v) => setFilter({ q: v.trim() || undefined })}
          data-testid="filter-q"
        />
        <Button onClick={clearFilters}>重置</Button>
      </Space>

      <Space style={{ marginBottom: 12 }}>
        <Typography.Text type="secondary">
          {selected.length ? `已选 ${selected.length} 条` : `共 ${leads.data?.total ?? 0} 条`}
        </Typography.Text>
        {canAssign && (
          <Button
            icon={<UserAddOutlined />}
            disabled={!selected.length}
            onClick={() => setDialog('assign')}
          >
            批量指派
          </Button>
        )}
        {canWork && (
          <Button
            icon={<StopOutlined />}
            disabled={!selected.length}
            onClick={() => setDialog('dismiss')}
          >
            批量排除
          </Button>
        )}
        {canWork && (
          <Button
            icon={<FolderAddOutlined />}
            disabled={!selected.length}
            onClick={() => setCaseDialog('open')}
            data-testid="bulk-open-case"
          >
            立案
          </Button>
        )}
        {canWork && (
          <Button disabled={!selected.length} onClick={() => setCaseDialog('join')}>
            并入案件
          </Button>
        )}
        <Button icon={<DownloadOutlined />} onClick={() => void exportExcel()}>
          {selected.length ? '导出所选' : '导出 Excel'}
        </Button>
      </Space>

      {leads.error ? (
        <ErrorResult error={leads.error} onRetry={leads.reload} />
      ) : (
        <Table<LeadRow>
          data-testid="leads-table"
          rowKey="id"
          size="middle"
          loading={leads.loading}
          columns={columns}
          dataSource={leads.data?.items ?? []}
          rowSelection={{
            selectedRowKeys: selected,
            onChange: (keys) => setSelected(keys as string[]),
            preserveSelectedRowKeys: true,
          }}
          scroll={{ x: 1000 }}
          locale={{ emptyText: '暂无线索：没有符合条件的线索，或尚未运行监督模型' }}
          pagination={{
            current: page,
            pageSize,
            total: leads.data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: [20, 50, 100],
            showTotal: (t) => `共 ${t} 条`,
          }}
          onChange={(p, _f, s) => {
            const one = Array.isArray(s) ? s[0] : s;
            const field = one?.order ? sortOf(one.field) : undefined;
            url.set({
              page: p.current && p.current > 1 ? p.current : null,
              pageSize: p.pageSize && p.pageSize !== 20 ? p.pageSize : null,
              sort: field ?? null,
              order: field ? (one?.order === 'ascend' ? 'asc' : 'desc') : null,
            });
          }}
        />
      )}

      <AssignModal
        open={dialog === 'assign'}
        count={selected.length}
        busy={busy}
        onCancel={() => setDialog(null)}
        onSubmit={(assigneeId) =>
          bulk({ action: 'assign', leadIds: selected, assigneeId }, '已指派')
        }
      />
      <OpenCaseDialog mode={caseDialog} leadIds={selected} onClose={() => setCaseDialog(null)} />
      <DismissModal
        open={dialog === 'dismiss'}
        count={selected.length}
        busy={busy}
        onCancel={() => setDialog(null)}
        onSubmit={(v: DismissValues) =>
          bulk({ action: 'dismiss', leadIds: selected, ...v }, '已排除')
        }
      />
    </Card>
  );
}
