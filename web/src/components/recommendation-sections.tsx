import { useState, type ReactNode } from 'react';
import { Button, Card, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { SupervisionCaseDetail } from '../../../src/contract/casework.ts';
import type {
  CourtReplyItem,
  OutcomeItem,
  RecommendationItem,
} from '../../../src/contract/recommendations.ts';
import { api } from '../api/client.ts';
import { formatDate, formatMoney } from './format.ts';
import {
  DraftModal,
  IssueModal,
  NoteModal,
  OutcomeModal,
  ReplyModal,
  type OutcomeValues,
  type ReplyValues,
} from './recommendation-dialogs.tsx';

/** The case page's save: runs the call, shows the message; true when it was saved. */
export type SaveCase = (fn: () => Promise<SupervisionCaseDetail>, done: string) => Promise<boolean>;

interface SectionProps {
  data: SupervisionCaseDetail;
  canWork: boolean;
  busy: boolean;
  save: SaveCase;
}

/** 即将到期 / 已逾期 (with the days), from the server's reading of the deadline in force. */
export function DeadlineTag({ rec }: { rec: Pick<RecommendationItem, 'deadline' | 'daysLeft'> }) {
  if (rec.deadline === '已逾期') {
    return <Tag color="red">已逾期 {Math.abs(rec.daysLeft ?? 0)} 天</Tag>;
  }
  if (rec.deadline === '即将到期')
    return <Tag color="orange">即将到期（剩 {rec.daysLeft} 天）</Tag>;
  return null;
}

type Dialog = 'draft' | 'issue' | 'extend' | 'reply' | 'escalate';
type Open = (kind: Dialog, rec?: RecommendationItem) => void;

/** The buttons of a recommendation's row: what its state allows now. */
function RowActions({ r, closed, open }: { r: RecommendationItem; closed: boolean; open: Open }) {
  const waiting = r.state === '已发出' && r.replies.length === 0;
  const escalable = r.state === '已发出' && !r.escalatedOn && (r.deadline === '已逾期' || !waiting);
  return (
    <Space size={4} wrap>
      {r.state === '草稿' && !closed && (
        <Button size="small" type="primary" onClick={() => open('issue', r)}>
          发出
        </Button>
      )}
      {waiting && !r.extendedDue && (
        <Button size="small" onClick={() => open('extend', r)}>
          延长期限
        </Button>
      )}
      {r.state === '已发出' && (
        <Button size="small" onClick={() => open('reply', r)}>
          记录回复
        </Button>
      )}
      {escalable && (
        <Button size="small" danger onClick={() => open('escalate', r)}>
          跟进监督
        </Button>
      )}
    </Space>
  );
}

function StateTags({ r }: { r: RecommendationItem }) {
  return (
    <Space size={4} wrap>
      <Tag color={r.state === '草稿' ? 'default' : 'blue'}>{r.state}</Tag>
      {r.replies.length > 0 && <Tag color="green">已回复</Tag>}
      <DeadlineTag rec={r} />
      {r.escalatedOn && <Tag color="magenta">跟进监督</Tag>}
    </Space>
  );
}

function RecommendationsTable({
  rows,
  actions,
}: {
  rows: RecommendationItem[];
  actions: ((r: RecommendationItem) => ReactNode) | null;
}) {
  return (
    <Table<RecommendationItem>
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={rows}
      locale={{ emptyText: '尚未起草检察建议' }}
      columns={[
        {
          title: '文号',
          dataIndex: 'docNo',
          render: (v: string | null) => v ?? '（草稿，发出时编号）',
        },
        { title: '主送法院', dataIndex: 'addressee' },
        { title: '涉及案件', dataIndex: 'caseCount', render: (n: number) => `${n} 件` },
        { title: '发出日期', dataIndex: 'issuedOn', render: formatDate },
        {
          title: '回复期限',
          dataIndex: 'due',
          render: (v: string | null, r) => (
            <span>
              {formatDate(v)}
              {r.extendedDue && <Typography.Text type="secondary">（已延长）</Typography.Text>}
            </span>
          ),
        },
        { title: '状态', key: 'state', render: (_: unknown, r) => <StateTags r={r} /> },
        ...(actions
          ? [
              {
                title: '操作',
                key: 'actions',
                render: (_: unknown, r: RecommendationItem) => actions(r),
              },
            ]
          : []),
      ]}
    />
  );
}

/** Every reply of the case's recommendations, the latest of each marked in force. */
function CourtRepliesCard({ recs }: { recs: RecommendationItem[] }) {
  const replies = recs.flatMap((r) => r.replies.map((p) => ({ ...p, docNo: r.docNo ?? '' })));
  return (
    <Card title={`法院回复（${replies.length}）`} size="small" data-testid="court-replies">
      <Table<CourtReplyItem & { docNo: string }>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={replies}
        locale={{ emptyText: '尚无法院回复（在检察建议一行点「记录回复」）' }}
        columns={[
          { title: '检察建议', dataIndex: 'docNo' },
          { title: '回复日期', dataIndex: 'date' },
          {
            title: '结果',
            dataIndex: 'result',
            render: (v: string, p) => (
              <Space size={4}>
                <Tag color={v === '采纳' ? 'green' : v === '部分采纳' ? 'gold' : 'red'}>{v}</Tag>
                {!p.inForce && <Typography.Text type="secondary">已被后续回复取代</Typography.Text>}
              </Space>
            ),
          },
          { title: '法院措施', dataIndex: 'actions', render: (v: string[]) => v.join('、') || '—' },
          {
            title: '恢复执行案号',
            dataIndex: 'resumedCaseNo',
            render: (v: string | null) => v ?? '—',
          },
          { title: '要点', dataIndex: 'note', ellipsis: true },
        ]}
      />
    </Card>
  );
}

/** 延长回复期限 (a reason required) and 跟进监督 (a reason required after a reply). */
function NoteDialog({
  rec,
  kind,
  busy,
  close,
  run,
}: {
  rec: RecommendationItem | undefined;
  kind: 'extend' | 'escalate' | null;
  busy: boolean;
  close: () => void;
  run: (fn: () => Promise<SupervisionCaseDetail>, done: string) => Promise<void>;
}) {
  const params = { id: String(rec?.id ?? '') };
  const version = rec?.version ?? 0;
  const noting = kind;
  return (
    <NoteModal
      title={
        noting === 'extend'
          ? '延长回复期限一个月（仅可一次）'
          : noting === 'escalate'
            ? '跟进监督'
            : null
      }
      placeholder={
        noting === 'extend'
          ? '延长理由，如：法院院长批准延长'
          : '理由：逾期未回复可不填；回复不当须写明'
      }
      required={noting === 'extend' || (rec?.replies.length ?? 0) > 0}
      busy={busy}
      onCancel={close}
      onSubmit={(note) =>
        void run(
          () =>
            noting === 'extend'
              ? api.call('POST /api/recommendations/:id/extend', {
                  params,
                  body: { version, note },
                })
              : api.call('POST /api/recommendations/:id/escalate', {
                  params,
                  body: { version, note },
                }),
          noting === 'extend' ? '回复期限已延长' : '已转入跟进监督',
        )
      }
    />
  );
}

/** The dialogs of one recommendation (or of a new draft), each posting to its route. */
function RecommendationDialogs({
  caseId,
  dialog,
  busy,
  close,
  run,
}: {
  caseId: number;
  dialog: { kind: Dialog; rec?: RecommendationItem } | null;
  busy: boolean;
  close: () => void;
  run: (fn: () => Promise<SupervisionCaseDetail>, done: string) => Promise<void>;
}) {
  const rec = dialog?.rec;
  const params = { id: String(rec?.id ?? '') };
  const version = rec?.version ?? 0;
  const noting = dialog?.kind === 'extend' || dialog?.kind === 'escalate' ? dialog.kind : null;
  return (
    <>
      <DraftModal
        open={dialog?.kind === 'draft'}
        busy={busy}
        onCancel={close}
        onSubmit={(v) =>
          void run(
            () =>
              api.call('POST /api/supervision-cases/:id/recommendations', {
                params: { id: String(caseId) },
                body: { ...(v.addressee ? { addressee: v.addressee } : {}), note: v.note },
              }),
            '已起草检察建议',
          )
        }
      />
      <IssueModal
        open={dialog?.kind === 'issue'}
        busy={busy}
        onCancel={close}
        onSubmit={(issuedOn) =>
          void run(
            () =>
              api.call('POST /api/recommendations/:id/issue', {
                params,
                body: { version, issuedOn },
              }),
            '已发出，文号已确定',
          )
        }
      />
      <NoteDialog rec={rec} kind={noting} busy={busy} close={close} run={run} />
      <ReplyModal
        open={dialog?.kind === 'reply'}
        busy={busy}
        onCancel={close}
        onSubmit={(v: ReplyValues) =>
          void run(
            () =>
              api.call('POST /api/recommendations/:id/replies', {
                params,
                body: { version, ...v },
              }),
            '已记录法院回复',
          )
        }
      />
    </>
  );
}

/** 检察建议 and 法院回复: draft, issue with its date, extend once, record replies, 跟进监督. */
export function RecommendationSections({ data, canWork, busy, save }: SectionProps) {
  const [dialog, setDialog] = useState<{ kind: Dialog; rec?: RecommendationItem } | null>(null);
  const open: Open = (kind, rec) => setDialog(rec ? { kind, rec } : { kind });
  const run = async (fn: () => Promise<SupervisionCaseDetail>, done: string) => {
    if (await save(fn, done)) setDialog(null);
  };
  const closed = data.state === '结案';
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title={`检察建议（${data.recommendations.length}）`}
        size="small"
        data-testid="recommendations"
        extra={
          canWork &&
          !closed && (
            <Button size="small" icon={<PlusOutlined />} onClick={() => open('draft')}>
              起草检察建议
            </Button>
          )
        }
      >
        <RecommendationsTable
          rows={data.recommendations}
          actions={canWork ? (r) => <RowActions r={r} closed={closed} open={open} /> : null}
        />
      </Card>
      <CourtRepliesCard recs={data.recommendations} />
      <RecommendationDialogs
        caseId={data.id}
        dialog={dialog}
        busy={busy}
        close={() => setDialog(null)}
        run={run}
      />
    </Space>
  );
}

/** 成效: every entry, the totals per kind (exact sums from the server), and the add form. */
export function OutcomeSection({ data, canWork, busy, save }: SectionProps) {
  const [adding, setAdding] = useState(false);
  const detail = (o: OutcomeItem) =>
    [
      o.amount && formatMoney(o.amount),
      o.crime,
      o.persons && `${o.persons} 人`,
      o.enforcementCaseNo,
    ]
      .filter(Boolean)
      .join('，') || '—';
  return (
    <Card
      title={`成效（${data.outcomes.length}）`}
      size="small"
      data-testid="outcomes"
      extra={
        canWork && (
          <Button size="small" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
            记录成效
          </Button>
        )
      }
    >
      {data.outcomeTotals.length > 0 && (
        <Space wrap style={{ marginBottom: 12 }} data-testid="outcome-totals">
          {data.outcomeTotals.map((t) => (
            <Tag key={t.kind} color="green">
              {t.kind} {t.count} 项{t.amount !== null && ` · ${formatMoney(t.amount)}`}
              {t.persons !== null && ` · ${t.persons} 人`}
            </Tag>
          ))}
        </Space>
      )}
      <Table<OutcomeItem>
        size="small"
        rowKey="id"
        pagination={data.outcomes.length > 20 ? { pageSize: 20 } : false}
        dataSource={data.outcomes}
        locale={{ emptyText: '尚未记录成效' }}
        columns={[
          { title: '日期', dataIndex: 'date' },
          { title: '类型', dataIndex: 'kind' },
          { title: '内容', key: 'detail', render: (_: unknown, o) => detail(o) },
          {
            title: '来源',
            dataIndex: 'source',
            render: (v: string) => <Tag color={v === '台账导入' ? 'cyan' : 'default'}>{v}</Tag>,
          },
          { title: '说明', dataIndex: 'note', ellipsis: true },
          { title: '记录人', dataIndex: 'recordedBy', render: (v: string | null) => v ?? '系统' },
        ]}
      />
      <OutcomeModal
        open={adding}
        busy={busy}
        onCancel={() => setAdding(false)}
        onSubmit={(v: OutcomeValues) =>
          void save(
            () =>
              api.call('POST /api/supervision-cases/:id/outcomes', {
                params: { id: String(data.id) },
                body: v,
              }),
            '已记录成效',
          ).then((ok) => ok && setAdding(false))
        }
      />
    </Card>
  );
}
