import { useEffect, useState } from 'react';
import { Checkbox, DatePicker, Form, Input, InputNumber, Modal, Radio, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import {
  OUTCOME_KINDS,
  REFERRAL_CRIMES,
  REPLY_ACTIONS,
  REPLY_RESULTS,
} from '../../../src/contract/vocabulary.ts';

/** The free-text field every dialog here ends with (备注, 回复要点, 说明). */
function NoteItem(props: { label: string; value: string; onChange: (v: string) => void }) {
  return (
    <Form.Item label={props.label}>
      <Input.TextArea
        rows={3}
        maxLength={2000}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
      />
    </Form.Item>
  );
}

/**
 * The dialogs of the 检察建议 / 法院回复 / 成效 sections. Like the case dialogs, each keeps what the
 * user typed when a save is refused (a date before the issue, an amount that is not one, a 409):
 * the page shows the server's message and the form stays filled.
 */

const ymd = (d: Dayjs | null) => (d ? d.format('YYYY-MM-DD') : '');
/** Days after today cannot be picked: the server refuses them too. */
const future = (d: Dayjs) => d.isAfter(dayjs(), 'day');

export interface DraftValues {
  addressee: string;
  note: string;
}

/** 起草检察建议: the court is filled in by the server from the case when left empty. */
export function DraftModal(props: {
  open: boolean;
  busy: boolean;
  onCancel: () => void;
  onSubmit: (v: DraftValues) => void;
}) {
  const [addressee, setAddressee] = useState('');
  const [note, setNote] = useState('');
  return (
    <Modal
      title="起草检察建议"
      open={props.open}
      onCancel={props.onCancel}
      okText="起草"
      okButtonProps={{ loading: props.busy }}
      onOk={() => props.onSubmit({ addressee: addressee.trim(), note: note.trim() })}
    >
      <Form layout="vertical">
        <Form.Item label="主送法院" extra="留空则取案件所涉执行案件的执行法院">
          <Input value={addressee} maxLength={100} onChange={(e) => setAddressee(e.target.value)} />
        </Form.Item>
        <NoteItem label="备注" value={note} onChange={setNote} />
      </Form>
    </Modal>
  );
}

/** 发出: the date it was sent; the number and the reply deadline are fixed by the server. */
export function IssueModal(props: {
  open: boolean;
  busy: boolean;
  onCancel: () => void;
  onSubmit: (issuedOn: string) => void;
}) {
  const [date, setDate] = useState<Dayjs | null>(dayjs());
  return (
    <Modal
      title="发出检察建议"
      open={props.open}
      onCancel={props.onCancel}
      okText="确认发出"
      okButtonProps={{ loading: props.busy, disabled: !date }}
      onOk={() => date && props.onSubmit(ymd(date))}
    >
      <Form layout="vertical">
        <Form.Item
          label="发出日期"
          required
          extra="发出后确定文号；法院应在三个月内回复（两高监督规定 第十三条）"
        >
          <DatePicker
            value={date}
            onChange={setDate}
            disabledDate={future}
            style={{ width: '100%' }}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** A reason for a change (延长回复期限, 跟进监督). */
export function NoteModal(props: {
  title: string | null;
  placeholder: string;
  required: boolean;
  busy: boolean;
  onCancel: () => void;
  onSubmit: (note: string) => void;
}) {
  const [note, setNote] = useState('');
  useEffect(() => {
    if (props.title) setNote('');
  }, [props.title]);
  return (
    <Modal
      title={props.title ?? ''}
      open={props.title !== null}
      onCancel={props.onCancel}
      okText="确认"
      okButtonProps={{ loading: props.busy, disabled: props.required && !note.trim() }}
      onOk={() => props.onSubmit(note.trim())}
    >
      <Input.TextArea
        rows={4}
        maxLength={2000}
        showCount
        value={note}
        onChange={(e) => setNote(e.target.value)}
        placeholder={props.placeholder}
      />
    </Modal>
  );
}

export interface ReplyValues {
  result: (typeof REPLY_RESULTS)[number];
  date: string;
  actions: (typeof REPLY_ACTIONS)[number][];
  resumedCaseNo: string | null;
  note: string;
}

/** 法院回复: result, date, what the court did, the new 执恢 案号 when it resumed enforcement. */
export function ReplyModal(props: {
  open: boolean;
  busy: boolean;
  onCancel: () => void;
  onSubmit: (v: ReplyValues) => void;
}) {
  const [result, setResult] = useState<ReplyValues['result']>('采纳');
  const [date, setDate] = useState<Dayjs | null>(dayjs());
  const [actions, setActions] = useState<ReplyValues['actions']>([]);
  const [caseNo, setCaseNo] = useState('');
  const [note, setNote] = useState('');
  const resumed = actions.includes('恢复执行');
  return (
    <Modal
      title="记录法院回复"
      open={props.open}
      onCancel={props.onCancel}
      okText="保存"
      okButtonProps={{ loading: props.busy, disabled: !date }}
      onOk={() =>
        date &&
        props.onSubmit({
          result,
          date: ymd(date),
          actions,
          resumedCaseNo: resumed && caseNo.trim() ? caseNo.trim() : null,
          note: note.trim(),
        })
      }
    >
      <Form layout="vertical">
        <Form.Item label="回复结果" required>
          <Radio.Group
            value={result}
            onChange={(e) => setResult(e.target.value as ReplyValues['result'])}
            options={REPLY_RESULTS.map((r) => ({ value: r, label: r }))}
          />
        </Form.Item>
        <Form.Item label="回复日期" required>
          <DatePicker
            value={date}
            onChange={setDate}
            disabledDate={future}
            style={{ width: '100%' }}
          />
        </Form.Item>
        <Form.Item label="法院措施">
          <Checkbox.Group
            value={actions}
            onChange={(v) => setActions(v as ReplyValues['actions'])}
            options={REPLY_ACTIONS.map((a) => ({ value: a, label: a }))}
          />
        </Form.Item>
        {resumed && (
          <Form.Item label="恢复执行案号" extra="如（2025）浙0102执恢12号；记为一项“恢复执行”成效">
            <Input value={caseNo} maxLength={60} onChange={(e) => setCaseNo(e.target.value)} />
          </Form.Item>
        )}
        <NoteItem label="回复要点" value={note} onChange={setNote} />
      </Form>
    </Modal>
  );
}

export interface OutcomeValues {
  kind: (typeof OUTCOME_KINDS)[number];
  date: string;
  amount: string | null;
  crime: (typeof REFERRAL_CRIMES)[number] | null;
  persons: number | null;
  enforcementCaseNo: string | null;
  note: string;
}

const WITH_AMOUNT = new Set<string>(['执行到位', '执行和解', '司法救助']);

type Field<T> = [T, (v: T) => void];

/** The fields only some kinds take: the amount, the crime, the persons, the 执恢 案号. */
function KindFields({
  kind,
  amount: [amount, setAmount],
  crime: [crime, setCrime],
  persons: [persons, setPersons],
  caseNo: [caseNo, setCaseNo],
}: {
  kind: OutcomeValues['kind'];
  amount: Field<string>;
  crime: Field<OutcomeValues['crime']>;
  persons: Field<number | null>;
  caseNo: Field<string>;
}) {
  return (
    <>
      {WITH_AMOUNT.has(kind) && (
        <Form.Item label="金额（元）" required extra="如 12,345.60、1.2万、12345.6元；精确到分">
          <Input value={amount} maxLength={40} onChange={(e) => setAmount(e.target.value)} />
        </Form.Item>
      )}
      {kind === '移送刑事线索' && (
        <Form.Item label="涉嫌罪名" required>
          <Select
            value={crime ?? undefined}
            onChange={setCrime}
            options={REFERRAL_CRIMES.map((c) => ({ value: c, label: c }))}
          />
        </Form.Item>
      )}
      {kind === '公安立案' && (
        <Form.Item label="立案人数" required>
          <InputNumber min={1} precision={0} value={persons} onChange={setPersons} />
        </Form.Item>
      )}
      {kind === '恢复执行' && (
        <Form.Item label="恢复执行案号">
          <Input value={caseNo} maxLength={60} onChange={(e) => setCaseNo(e.target.value)} />
        </Form.Item>
      )}
    </>
  );
}

/** 记录成效: the fields each kind takes; the amount is sent as typed and parsed exactly by the server. */
export function OutcomeModal(props: {
  open: boolean;
  busy: boolean;
  onCancel: () => void;
  onSubmit: (v: OutcomeValues) => void;
}) {
  const [kind, setKind] = useState<OutcomeValues['kind']>('执行到位');
  const [date, setDate] = useState<Dayjs | null>(dayjs());
  const [amount, setAmount] = useState('');
  const [crime, setCrime] = useState<OutcomeValues['crime']>(null);
  const [persons, setPersons] = useState<number | null>(null);
  const [caseNo, setCaseNo] = useState('');
  const [note, setNote] = useState('');
  return (
    <Modal
      title="记录监督成效"
      open={props.open}
      onCancel={props.onCancel}
      okText="保存"
      okButtonProps={{ loading: props.busy, disabled: !date }}
      onOk={() =>
        date &&
        props.onSubmit({
          kind,
          date: ymd(date),
          amount: WITH_AMOUNT.has(kind) ? amount : null,
          crime: kind === '移送刑事线索' ? crime : null,
          persons: kind === '公安立案' ? persons : null,
          enforcementCaseNo: kind === '恢复执行' && caseNo.trim() ? caseNo.trim() : null,
          note: note.trim(),
        })
      }
    >
      <Form layout="vertical">
        <Form.Item label="成效类型" required>
          <Select
            value={kind}
            onChange={setKind}
            options={OUTCOME_KINDS.map((k) => ({ value: k, label: k }))}
          />
        </Form.Item>
        <Form.Item label="日期" required>
          <DatePicker
            value={date}
            onChange={setDate}
            disabledDate={future}
            style={{ width: '100%' }}
          />
        </Form.Item>
        <KindFields
          kind={kind}
          amount={[amount, setAmount]}
          crime={[crime, setCrime]}
          persons={[persons, setPersons]}
          caseNo={[caseNo, setCaseNo]}
        />
        <NoteItem label="说明" value={note} onChange={setNote} />
      </Form>
    </Modal>
  );
}
