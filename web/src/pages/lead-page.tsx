import { useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Input,
  Modal,
  Row,
  Space,
  Timeline,
  Typography,
} from 'antd';
import {
  ArrowLeftOutlined,
  MessageOutlined,
  RedoOutlined,
  StopOutlined,
  UserAddOutlined,
} from '@ant-design/icons';
import { Link, useNavigate, useParams } from 'react-router-dom';
import type { LeadDetail } from '../../../src/contract/leads.ts';
import { api, ApiError } from '../api/client.ts';
import { AssignModal } from '../components/assign-modal.tsx';
import { DismissModal } from '../components/dismiss-modal.tsx';
import type { DismissValues } from '../components/dismiss-modal.tsx';
import { ErrorResult } from '../components/error-result.tsx';
import { LeadList } from '../components/lead-list.tsx';
import { RelatedCases } from '../components/related-cases.tsx';
import { RevealButton, RevealedNotice } from '../components/reveal-button.tsx';
import { EvidenceRows } from '../components/evidence-rows.tsx';
import { LeadCaseActions } from '../components/lead-case-actions.tsx';
import { formatDate, formatDateTime } from '../components/format.ts';
import { LeadStatusTag, PriorityTag } from '../components/lead-status-tag.tsx';
import { PageLoading } from '../components/page-loading.tsx';
import { useApi } from '../hooks/use-api.ts';
import { useSession } from '../hooks/use-session.tsx';

/** 线索详情: the finding, its evidence, the legal basis, 串并, and the actions on it. */
export default function LeadPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const { hasRight } = useSession();
  const [reveal, setReveal] = useState(false);
  const [dialog, setDialog] = useState<'assign' | 'dismiss' | 'note' | 'reopen' | null>(null);
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [override, setOverride] = useState<LeadDetail>();

  const params = { key: id };
  const loaded = useApi(
    (signal) => {
      setOverride(undefined);
      return api.call(
        'GET /api/leads/:key',
        { params, query: reveal ? { reveal: '1' } : {} },
        signal,
      );
    },
    [id, reveal],
  );
  const data = override ?? loaded.data;

  /** Runs an action on the lead; its answer is the lead page after it. */
  const act = async (run: () => Promise<LeadDetail>, done: string) => {
    setBusy(true);
    try {
      const next = await run();
      setOverride(next);
      setDialog(null);
      setText('');
      message.success(done);
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : '操作失败');
    } finally {
      setBusy(false);
    }
  };

  if (loaded.loading && !data) return <PageLoading />;
  if (loaded.error && !data) return <ErrorResult error={loaded.error} onRetry={loaded.reload} />;
  if (!data) return null;
  const { lead } = data;
  const canWork = hasRight('work_leads');

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="lead-page">
      <Card
        title={
          <Space wrap>
            <Button type="text" icon={<ArrowLeftOutlined />} onClick={() => navigate(-1)} />
            {lead.caseNo ? (
              <Link to={`/cases/${encodeURIComponent(lead.caseNo)}`}>{lead.caseNo}</Link>
            ) : (
              <span>（无案号）</span>
            )}
            <LeadStatusTag status={lead.status} changed={lead.changed} />
            <PriorityTag priority={lead.priority} />
          </Space>
        }
        extra={
          <Space wrap>
            <RevealButton revealed={data.revealed} onToggle={() => setReveal((r) => !r)} />
            <LeadCaseActions
              leadId={lead.id}
              status={lead.status}
              canWork={hasRight('work_cases')}
            />
            {hasRight('assign_leads') && (
              <Button icon={<UserAddOutlined />} onClick={() => setDialog('assign')}>
                指派
              </Button>
            )}
            {canWork && lead.status !== '已排除' && (
              <Button
                danger
                icon={<StopOutlined />}
                onClick={() => setDialog('dismiss')}
                data-testid="dismiss"
              >
                排除
              </Button>
            )}
            {canWork && (lead.status === '已排除' || lead.status === '已合并') && (
              <Button icon={<RedoOutlined />} onClick={() => setDialog('reopen')}>
                重新研判
              </Button>
            )}
            {canWork && (
              <Button icon={<MessageOutlined />} onClick={() => setDialog('note')}>
                备注
              </Button>
            )}
          </Space>
        }
      >
        <RevealedNotice revealed={data.revealed} />
        <Alert
          type="info"
          title={<Typography.Text strong>发现</Typography.Text>}
          description={<span data-testid="lead-summary">{lead.summary}</span>}
          style={{ marginBottom: 16 }}
        />
        <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }} bordered>
          <Descriptions.Item label="监督模型">
            <Link to={`/models/${encodeURIComponent(lead.modelId)}`}>
              {lead.modelId} {lead.modelName}
            </Link>{' '}
            <Typography.Text type="secondary">v{lead.modelVersion}</Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label="被执行人">{lead.subjectName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="证件号码">
            <span style={{ fontFamily: 'monospace' }} data-testid="subject-id">
              {lead.subjectId ?? '—'}
            </span>
          </Descriptions.Item>
          <Descriptions.Item label="执行法院">{lead.court ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="所属单位">{lead.unitName ?? '—'}</Descriptions.Item>
          {lead.plate && <Descriptions.Item label="车牌号">{lead.plate}</Descriptions.Item>}
          <Descriptions.Item label="承办人">{lead.assigneeName ?? '未指派'}</Descriptions.Item>
          <Descriptions.Item label="首次发现">{formatDate(lead.firstSeenAt)}</Descriptions.Item>
          <Descriptions.Item label="最近发现">{formatDate(lead.lastSeenAt)}</Descriptions.Item>
          {data.action && (
            <Descriptions.Item label="建议措施" span="filled">
              {data.action}
            </Descriptions.Item>
          )}
          {data.dismissReason && (
            <Descriptions.Item label="排除理由" span="filled">
              <span data-testid="dismiss-reason">{data.dismissReason}</span>
              {data.dismissNote ? `：${data.dismissNote}` : ''}
            </Descriptions.Item>
          )}
        </Descriptions>
      </Card>

      <Card title={`证据（${data.evidence.length} 行）`} size="small">
        <EvidenceRows evidence={data.evidence} />
      </Card>

      <Row gutter={16}>
        <Col xs={24} xl={12}>
          <Card title="法律依据" size="small" style={{ height: '100%' }}>
            {data.legalBasis.length === 0 ? (
              <Empty description="未列明法律依据" />
            ) : (
              data.legalBasis.map((b) => (
                <div key={b.ref} style={{ marginBottom: 12 }}>
                  <Typography.Text strong>{b.ref}</Typography.Text>
                  <Typography.Paragraph style={{ margin: '4px 0 0', color: '#555' }}>
                    {b.text}
                  </Typography.Paragraph>
                </div>
              ))
            )}
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card title="研判记录" size="small" style={{ height: '100%' }}>
            {data.history.length === 0 ? (
              <Empty description="尚无研判记录" />
            ) : (
              <Timeline
                items={data.history.map((h) => ({
                  content: (
                    <div>
                      <div>
                        <Typography.Text type="secondary">{formatDateTime(h.at)}</Typography.Text>{' '}
                        {h.userName ?? '系统'} · {h.action}
                        {h.fromStatus && h.toStatus && h.fromStatus !== h.toStatus
                          ? `（${h.fromStatus} → ${h.toStatus}）`
                          : ''}
                      </div>
                      {h.note && <div style={{ color: '#555' }}>{h.note}</div>}
                    </div>
                  ),
                }))}
              />
            )}
          </Card>
        </Col>
      </Row>

      <Card
        title="串并审查：被执行人的其他案件与线索"
        size="small"
        extra={
          data.related.personRef && (
            <Link to={`/persons/${encodeURIComponent(data.related.personRef)}`}>
              查看当事人全部记录
            </Link>
          )
        }
      >
        <Row gutter={16}>
          <Col xs={24} xl={12}>
            <Typography.Title level={5}>其他案件（{data.related.cases.length}）</Typography.Title>
            <RelatedCases cases={data.related.cases} />
          </Col>
          <Col xs={24} xl={12}>
            <Typography.Title level={5}>其他线索（{data.related.leads.length}）</Typography.Title>
            <LeadList leads={data.related.leads} />
          </Col>
        </Row>
      </Card>

      <AssignModal
        open={dialog === 'assign'}
        count={1}
        busy={busy}
        onCancel={() => setDialog(null)}
        onSubmit={(assigneeId) =>
          act(
            () => api.call('POST /api/leads/:key/assign', { params, body: { assigneeId } }),
            '已指派',
          )
        }
      />
      <DismissModal
        open={dialog === 'dismiss'}
        count={1}
        busy={busy}
        onCancel={() => setDialog(null)}
        onSubmit={(v: DismissValues) =>
          act(() => api.call('POST /api/leads/:key/dismiss', { params, body: v }), '已排除')
        }
      />
      <Modal
        title={dialog === 'reopen' ? '重新研判' : '添加备注'}
        open={dialog === 'note' || dialog === 'reopen'}
        onCancel={() => setDialog(null)}
        okText={dialog === 'reopen' ? '重新研判' : '保存备注'}
        okButtonProps={{ loading: busy, disabled: dialog === 'note' && !text.trim() }}
        onOk={() =>
          dialog === 'reopen'
            ? void act(
                () => api.call('POST /api/leads/:key/reopen', { params, body: { note: text } }),
                '已重新进入研判',
              )
            : void act(
                () => api.call('POST /api/leads/:key/notes', { params, body: { text } }),
                '备注已保存',
              )
        }
      >
        <Input.TextArea
          rows={4}
          maxLength={2000}
          showCount
          value={text}
          onChange={(e) => setText(e.target.value)}
          placeholder={dialog === 'reopen' ? '重新研判的原因（可选）' : '备注内容'}
        />
      </Modal>
    </Space>
  );
}
