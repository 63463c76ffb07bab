import { useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Row,
  Space,
  Table,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { ArrowLeftOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate, useParams } from 'react-router-dom';
import type {
  CaseActItem,
  CaseLeadItem,
  SupervisionCaseDetail,
} from '../../../src/contract/casework.ts';
import { api, ApiError } from '../api/client.ts';
import { ActAttachments, useCaseAttachments } from '../components/act-attachments.tsx';
import { CaseDocumentsCard } from '../components/case-documents.tsx';
import {
  ActModal,
  EditCaseModal,
  MoveModal,
  type ActValues,
  type EditValues,
} from '../components/case-dialogs.tsx';
import { CaseStateTag } from '../components/case-state-tag.tsx';
import { ErrorResult } from '../components/error-result.tsx';
import { formatDate, formatDateTime } from '../components/format.ts';
import { LeadStatusTag } from '../components/lead-status-tag.tsx';
import { PageLoading } from '../components/page-loading.tsx';
import { OutcomeSection, RecommendationSections } from '../components/recommendation-sections.tsx';
import { RevealButton, RevealedNotice } from '../components/reveal-button.tsx';
import { useApi } from '../hooks/use-api.ts';
import { useSession } from '../hooks/use-session.tsx';

/** 监督案件: state, allowed moves, handler and due date, linked leads, verification acts, history. */
export default function SupervisionCasePage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const { hasRight } = useSession();
  const [override, setOverride] = useState<SupervisionCaseDetail>();
  const [moveTo, setMoveTo] = useState<string | null>(null);
  const [dialog, setDialog] = useState<'edit' | 'act' | null>(null);
  const [busy, setBusy] = useState(false);
  const [stale, setStale] = useState<string>();
  const [reveal, setReveal] = useState(false);
  const campaigns = useApi((s) => api.call('GET /api/campaigns', { query: {} }, s), []);
  const loaded = useApi(
    (s) => {
      setOverride(undefined);
      return api.call(
        'GET /api/supervision-cases/:id',
        { params: { id }, query: reveal ? { reveal: '1' } : {} },
        s,
      );
    },
    [id, reveal],
  );
  const data = override ?? loaded.data;
  const attachments = useCaseAttachments(Number(id));

  /** Runs a save; a refused one keeps the dialog and its text, a 409 offers to reload. */
  const save = async (fn: () => Promise<SupervisionCaseDetail>, done: string) => {
    setBusy(true);
    try {
      setOverride(await fn());
      setMoveTo(null);
      setDialog(null);
      setStale(undefined);
      message.success(done);
      return true;
    } catch (e) {
      const text = e instanceof ApiError ? e.message : '保存失败';
      if (e instanceof ApiError && e.status === 409) setStale(text);
      message.error(text);
      return false;
    } finally {
      setBusy(false);
    }
  };

  if (loaded.loading && !data) return <PageLoading />;
  if (loaded.error && !data) return <ErrorResult error={loaded.error} onRetry={loaded.reload} />;
  if (!data) return null;
  const canWork = hasRight('work_cases');
  const params = { id: String(data.id) };

  return (
    <Space
      orientation="vertical"
      size={16}
      style={{ width: '100%' }}
      data-testid="supervision-case-page"
    >
      {stale && (
        <Alert
          type="warning"
          showIcon
          title={stale}
          action={
            <Button size="small" onClick={() => (setStale(undefined), loaded.reload())}>
              刷新
            </Button>
          }
        />
      )}
      <Card
        title={
          <Space wrap>
            <Button type="text" icon={<ArrowLeftOutlined />} onClick={() => void navigate(-1)} />
            <span data-testid="case-no">{data.caseNo}</span>
            <Tag color={data.kind === '类案' ? 'purple' : 'blue'}>{data.kind}</Tag>
            <CaseStateTag state={data.state} />
          </Space>
        }
        extra={
          <Space wrap>
            <RevealButton revealed={reveal} onToggle={() => setReveal((r) => !r)} />
            {canWork && (
              <>
                {data.allowedTransitions.map((to) => (
                  <Button key={to} type="primary" ghost onClick={() => setMoveTo(to)}>
                    改为{to}
                  </Button>
                ))}
                <Button icon={<EditOutlined />} onClick={() => setDialog('edit')}>
                  承办人/期限
                </Button>
              </>
            )}
          </Space>
        }
      >
        <RevealedNotice revealed={reveal} />
        <Descriptions size="small" bordered column={{ xs: 1, md: 2, xl: 3 }}>
          <Descriptions.Item label="标题">{data.title}</Descriptions.Item>
          <Descriptions.Item label="办案单位">{data.unitName}</Descriptions.Item>
          <Descriptions.Item label="承办人">{data.handlerName ?? '未指定'}</Descriptions.Item>
          <Descriptions.Item label="办理期限">{formatDate(data.dueDate)}</Descriptions.Item>
          {data.campaignId !== null ? (
            <Descriptions.Item label="专项活动">
              <Link to={`/campaigns/${data.campaignId}`}>
                {campaigns.data?.find((c) => c.id === data.campaignId)?.theme ?? '查看'}
              </Link>
            </Descriptions.Item>
          ) : null}
          {data.modelId && (
            <Descriptions.Item label="监督模型">
              <Link to={`/models/${encodeURIComponent(data.modelId)}`}>{data.modelId}</Link>
            </Descriptions.Item>
          )}
          <Descriptions.Item label="立案">
            {formatDateTime(data.createdAt)} {data.createdBy ?? ''}
          </Descriptions.Item>
          <Descriptions.Item label="执行案件" span="filled">
            <Space wrap>
              {data.enforcementCases.map((c) => (
                <Link key={c} to={`/cases/${encodeURIComponent(c)}`}>
                  {c}
                </Link>
              ))}
            </Space>
          </Descriptions.Item>
        </Descriptions>
      </Card>

      <Card title={`线索（${data.leads.length}）`} size="small">
        <Table<CaseLeadItem>
          size="small"
          rowKey="leadId"
          pagination={data.leads.length > 20 ? { pageSize: 20 } : false}
          dataSource={data.leads}
          columns={[
            {
              title: '线索',
              dataIndex: 'leadId',
              render: (v: string) => <Link to={`/leads/${encodeURIComponent(v)}`}>{v}</Link>,
            },
            { title: '模型', dataIndex: 'modelId' },
            {
              title: '执行案号',
              dataIndex: 'enforcementCaseNo',
              render: (v: string | null) => v ?? '—',
            },
            { title: '被执行人', dataIndex: 'subjectName', render: (v: string | null) => v ?? '—' },
            { title: '发现', dataIndex: 'summary', ellipsis: true },
            {
              title: '状态',
              dataIndex: 'status',
              render: (v: string) => <LeadStatusTag status={v} />,
            },
          ]}
        />
      </Card>

      <Row gutter={16}>
        <Col xs={24} xl={14}>
          <Card
            title={`调查核实（${data.acts.length}）`}
            size="small"
            style={{ height: '100%' }}
            extra={
              canWork &&
              data.state !== '结案' && (
                <Button size="small" icon={<PlusOutlined />} onClick={() => setDialog('act')}>
                  记录措施
                </Button>
              )
            }
          >
            <Table<CaseActItem>
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={data.acts}
              locale={{ emptyText: '尚未记录调查核实措施' }}
              columns={[
                { title: '日期', dataIndex: 'date' },
                { title: '措施', dataIndex: 'kind' },
                { title: '情况', dataIndex: 'note' },
                { title: '记录人', dataIndex: 'by', render: (v: string | null) => v ?? '—' },
                {
                  title: '附件',
                  key: 'files',
                  render: (_: unknown, act) => (
                    <ActAttachments
                      caseId={data.id}
                      actId={act.id}
                      files={attachments.byAct.get(act.id) ?? []}
                      canUpload={canWork && data.state !== '结案'}
                      onUploaded={attachments.reload}
                    />
                  ),
                },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card title="办理经过" size="small" style={{ height: '100%' }}>
            {data.transitions.length === 0 ? (
              <Empty />
            ) : (
              <Timeline
                items={data.transitions.map((t) => ({
                  content: (
                    <div>
                      <div>
                        <Typography.Text type="secondary">{formatDateTime(t.at)}</Typography.Text>{' '}
                        {t.by ?? '系统'} · {t.from ? `${t.from} → ${t.to}` : `立案（${t.to}）`}
                      </div>
                      {t.note && <div style={{ color: '#555' }}>{t.note}</div>}
                    </div>
                  ),
                }))}
              />
            )}
          </Card>
        </Col>
      </Row>

      <CaseDocumentsCard caseId={data.id} canWork={canWork} />
      <RecommendationSections data={data} canWork={canWork} busy={busy} save={save} />
      <OutcomeSection data={data} canWork={canWork} busy={busy} save={save} />

      <MoveModal
        to={moveTo}
        busy={busy}
        onCancel={() => setMoveTo(null)}
        onSubmit={(note) =>
          moveTo &&
          void save(
            () =>
              api.call('POST /api/supervision-cases/:id/move', {
                params,
                body: { to: moveTo as SupervisionCaseDetail['state'], version: data.version, note },
              }),
            `已改为${moveTo}`,
          )
        }
      />
      <EditCaseModal
        open={dialog === 'edit'}
        current={data}
        busy={busy}
        onCancel={() => setDialog(null)}
        onSubmit={(v: EditValues) =>
          void save(
            () =>
              api.call('PATCH /api/supervision-cases/:id', {
                params,
                body: {
                  version: data.version,
                  handler: v.handler,
                  dueDate: v.dueDate,
                  ...(v.campaignId !== data.campaignId ? { campaignId: v.campaignId } : {}),
                },
              }),
            '已保存',
          )
        }
      />
      <ActModal
        open={dialog === 'act'}
        busy={busy}
        onCancel={() => setDialog(null)}
        onSubmit={(v: ActValues) =>
          void save(
            () =>
              api.call('POST /api/supervision-cases/:id/acts', {
                params,
                body: { kind: v.kind as CaseActItem['kind'], date: v.date, note: v.note },
              }),
            '已记录',
          )
        }
      />
    </Space>
  );
}
