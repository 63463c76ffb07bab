import { useEffect, useState } from 'react';
import { DatePicker, Form, Input, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { Campaign } from '../../../src/contract/campaigns.ts';
import type { SupervisionCase } from '../../../src/contract/casework.ts';
import { ACT_KINDS } from '../../../src/contract/vocabulary.ts';
import type { UserOption } from '../../../src/contract/org.ts';
import { api } from '../api/client.ts';

/**
 * The dialogs of the case page. Each keeps what the user typed when a save fails (a 409 because a
 * colleague saved first, a refused transition): the page shows the message, nothing is lost.
 */

export function MoveModal({
  to,
  busy,
  onCancel,
  onSubmit,
}: {
  to: string | null;
  busy: boolean;
  onCancel: () => void;
  onSubmit: (note: string) => void;
}) {
  const [note, setNote] = useState('');
  useEffect(() => {
    if (to) setNote('');
  }, [to]);
  return (
    <Modal
      title={to ? `改为「${to}」` : ''}
      open={to !== null}
      onCancel={onCancel}
      okText="确认"
      okButtonProps={{ loading: busy }}
      onOk={() => onSubmit(note)}
    >
      <Input.TextArea
        rows={4}
        maxLength={2000}
        showCount
        value={note}
        onChange={(e) => setNote(e.target.value)}
        placeholder="说明（可选）：依据、结论、下一步"
      />
    </Modal>
  );
}

export interface EditValues {
  handler: string | null;
  dueDate: string | null;
  /** 专项活动 (null: none). */
  campaignId: number | null;
}

export function EditCaseModal({
  open,
  current,
  busy,
  onCancel,
  onSubmit,
}: {
  open: boolean;
  current: SupervisionCase;
  busy: boolean;
  onCancel: () => void;
  onSubmit: (v: EditValues) => void;
}) {
  const [users, setUsers] = useState<UserOption[]>([]);
  const [handler, setHandler] = useState<string | null>(null);
  const [due, setDue] = useState<Dayjs | null>(null);
  const [campaigns, setCampaigns] = useState<Campaign[]>([]);
  const [campaignId, setCampaignId] = useState<number | null>(null);
  useEffect(() => {
    if (!open) return;
    setHandler(null);
    setDue(current.dueDate ? dayjs(current.dueDate) : null);
    setCampaignId(current.campaignId);
    api
      .call('GET /api/user-options')
      .then(setUsers)
      .catch(() => setUsers([]));
    api
      .call('GET /api/campaigns', { query: {} })
      .then(setCampaigns)
      .catch(() => setCampaigns([]));
  }, [open, current.dueDate, current.campaignId]);
  return (
    <Modal
      title="承办人与办理期限"
      open={open}
      onCancel={onCancel}
      okText="保存"
      okButtonProps={{ loading: busy }}
      onOk={() =>
        onSubmit({
          handler: handler ?? current.handler,
          dueDate: due ? due.format('YYYY-MM-DD') : null,
          campaignId,
        })
      }
    >
      <Form layout="vertical">
        <Form.Item label={`承办人（现为 ${current.handlerName ?? '无'}）`}>
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            placeholder="不变"
            value={handler ?? undefined}
            onChange={(v?: string) => setHandler(v ?? null)}
            options={users.map((u) => ({
              value: u.id,
              label: `${u.displayName}（${u.unitName}）`,
            }))}
          />
        </Form.Item>
        <Form.Item label="办理期限">
          <DatePicker value={due} onChange={setDue} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item label="专项活动">
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            placeholder="不属于专项活动"
            value={campaignId ?? undefined}
            onChange={(v?: number) => setCampaignId(v ?? null)}
            options={campaigns.map((c) => ({ value: c.id, label: c.theme }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export interface ActValues {
  kind: string;
  date: string;
  note: string;
}

export function ActModal({
  open,
  busy,
  onCancel,
  onSubmit,
}: {
  open: boolean;
  busy: boolean;
  onCancel: () => void;
  onSubmit: (v: ActValues) => void;
}) {
  const [kind, setKind] = useState<string>();
  const [date, setDate] = useState<Dayjs | null>(dayjs());
  const [note, setNote] = useState('');
  return (
    <Modal
      title="记录调查核实措施"
      open={open}
      onCancel={onCancel}
      okText="保存"
      okButtonProps={{ loading: busy, disabled: !kind || !date }}
      onOk={() =>
        kind && date && onSubmit({ kind, date: date.format('YYYY-MM-DD'), note: note.trim() })
      }
    >
      <Form layout="vertical">
        <Form.Item label="措施" required>
          <Select
            value={kind}
            onChange={setKind}
            placeholder="选择措施"
            options={ACT_KINDS.map((k) => ({ value: k, label: k }))}
          />
        </Form.Item>
        <Form.Item label="日期" required>
          <DatePicker value={date} onChange={setDate} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item label="情况">
          <Input.TextArea
            rows={4}
            maxLength={2000}
            showCount
            value={note}
            onChange={(e) => setNote(e.target.value)}
            placeholder="调取了什么、询问了谁、查询结果"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
