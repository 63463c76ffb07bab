import { useState } from 'react';
import { App, Button, Input, Modal, Radio, Select, Space, Tag } from 'antd';
import { FolderAddOutlined, NodeIndexOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router-dom';
import type { SupervisionCase } from '../../../src/contract/casework.ts';
import { isCaseableLeadStatus, type CaseKind } from '../../../src/contract/vocabulary.ts';
import { api, ApiError } from '../api/client.ts';
import { useApi } from '../hooks/use-api.ts';

/**
 * On the lead page: the supervision case the lead is in (a link), or 「立案」 / 「并入案件」 while the
 * lead is still being judged (待研判 / 研判中). The server decides what fits (个案: the same
 * enforcement case; 类案: the same model) and says so in Chinese when it does not.
 */
export function LeadCaseActions({
  leadId,
  status,
  canWork,
}: {
  leadId: string;
  status: string;
  canWork: boolean;
}) {
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [dialog, setDialog] = useState<'open' | 'join' | null>(null);
  const [note, setNote] = useState('');
  const [target, setTarget] = useState<number>();
  const [kind, setKind] = useState<CaseKind>('个案');
  const [busy, setBusy] = useState(false);
  const ref = useApi(
    (s) => api.call('GET /api/supervision-cases/by-lead/:key', { params: { key: leadId } }, s),
    [leadId, status],
  );
  const open = useApi(
    (s) =>
      dialog === 'join'
        ? api.call('GET /api/supervision-cases', { query: { open: '1', pageSize: '100' } }, s)
        : Promise.resolve(undefined),
    [dialog],
  );

  const submit = async () => {
    setBusy(true);
    try {
      const c =
        dialog === 'join' && target !== undefined
          ? await api.call('POST /api/supervision-cases/:id/leads', {
              params: { id: String(target) },
              body: { leadIds: [leadId], note },
            })
          : await api.call('POST /api/supervision-cases', {
              body: { leadIds: [leadId], kind, note },
            });
      message.success(dialog === 'join' ? `已并入 ${c.caseNo}` : `已立案：${c.caseNo}`);
      void navigate(`/supervision-cases/${c.id}`);
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : '操作失败');
    } finally {
      setBusy(false);
    }
  };

  if (ref.data) {
    return (
      <Link to={`/supervision-cases/${ref.data.id}`} data-testid="lead-case">
        <Tag color="green">
          {ref.data.kind} {ref.data.caseNo}（{ref.data.state}）
        </Tag>
      </Link>
    );
  }
  if (!canWork || ref.loading || !isCaseableLeadStatus(status)) return null;
  return (
    <>
      <Button
        type="primary"
        icon={<FolderAddOutlined />}
        onClick={() => (setNote(''), setDialog('open'))}
        data-testid="open-case"
      >
        立案
      </Button>
      <Button icon={<NodeIndexOutlined />} onClick={() => (setNote(''), setDialog('join'))}>
        并入案件
      </Button>
      <Modal
        title={dialog === 'join' ? '并入已有监督案件' : '由本线索立案'}
        open={dialog !== null}
        onCancel={() => setDialog(null)}
        okText={dialog === 'join' ? '并入' : '立案'}
        okButtonProps={{ loading: busy, disabled: dialog === 'join' && target === undefined }}
        onOk={() => void submit()}
      >
        <Space orientation="vertical" style={{ width: '100%' }}>
          {dialog === 'open' && (
            <Radio.Group
              value={kind}
              onChange={(e) => setKind(e.target.value as CaseKind)}
              options={[
                { value: '个案', label: '个案（本执行案件）' },
                { value: '类案', label: '类案（同一模型的多个执行案件，其他线索可再并入）' },
              ]}
            />
          )}
          {dialog === 'join' && (
            <Select<number>
              style={{ width: '100%' }}
              placeholder="选择未结案的监督案件"
              showSearch
              optionFilterProp="label"
              loading={open.loading}
              value={target}
              onChange={setTarget}
              notFoundContent="本单位暂无未结案的监督案件"
              options={(open.data?.items ?? []).map((c: SupervisionCase) => ({
                value: c.id,
                label: `${c.caseNo} ${c.kind} ${c.title}`,
              }))}
            />
          )}
          <Input.TextArea
            rows={3}
            maxLength={2000}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            placeholder="说明（可选）"
          />
        </Space>
      </Modal>
    </>
  );
}
