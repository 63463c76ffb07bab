import { useState } from 'react';
import { App, Input, Modal, Radio, Select, Space } from 'antd';
import { useNavigate } from 'react-router-dom';
import type { SupervisionCase } from '../../../src/contract/casework.ts';
import type { CaseKind } from '../../../src/contract/vocabulary.ts';
import { api, ApiError } from '../api/client.ts';
import { useApi } from '../hooks/use-api.ts';

export type OpenCaseMode = 'open' | 'join';

/**
 * 立案 / 并入案件 for one lead (the lead page) or the selected leads (the leads table): the server
 * decides what fits (个案: one enforcement case; 类案: one model) and says so in Chinese when the
 * leads do not; on success the case page opens.
 */
export function OpenCaseDialog({
  mode,
  leadIds,
  onClose,
}: {
  mode: OpenCaseMode | null;
  leadIds: readonly string[];
  onClose: () => void;
}) {
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [note, setNote] = useState('');
  const [target, setTarget] = useState<number>();
  const [chosenKind, setKind] = useState<CaseKind>();
  const [busy, setBusy] = useState(false);
  const open = useApi(
    (s) =>
      mode === 'join'
        ? api.call('GET /api/supervision-cases', { query: { open: '1', pageSize: '100' } }, s)
        : Promise.resolve(undefined),
    [mode],
  );
  const many = leadIds.length > 1;
  // Several leads are most often one model's leads across cases: 类案 unless the user says 个案.
  const kind = chosenKind ?? (many ? '类案' : '个案');

  const submit = async () => {
    setBusy(true);
    try {
      const c =
        mode === 'join' && target !== undefined
          ? await api.call('POST /api/supervision-cases/:id/leads', {
              params: { id: String(target) },
              body: { leadIds: [...leadIds], note },
            })
          : await api.call('POST /api/supervision-cases', {
              body: { leadIds: [...leadIds], kind, note },
            });
      message.success(mode === 'join' ? `已并入 ${c.caseNo}` : `已立案：${c.caseNo}`);
      void navigate(`/supervision-cases/${c.id}`);
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : '操作失败');
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      title={
        mode === 'join'
          ? `${many ? `所选 ${leadIds.length} 条线索` : '本线索'}并入已有监督案件`
          : `由${many ? `所选 ${leadIds.length} 条线索` : '本线索'}立案`
      }
      open={mode !== null}
      onCancel={onClose}
      afterClose={() => (setNote(''), setKind(undefined), setTarget(undefined))}
      okText={mode === 'join' ? '并入' : '立案'}
      okButtonProps={{
        loading: busy,
        disabled: mode === 'join' && target === undefined,
      }}
      onOk={() => void submit()}
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        {mode === 'open' && (
          <Radio.Group
            value={kind}
            onChange={(e) => setKind(e.target.value as CaseKind)}
            options={[
              { value: '个案', label: '个案（同一执行案件）' },
              { value: '类案', label: '类案（同一模型的多个执行案件，其他线索可再并入）' },
            ]}
          />
        )}
        {mode === 'join' && (
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
  );
}
