import { useState } from 'react';
import { Button, Tag } from 'antd';
import { FolderAddOutlined, NodeIndexOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { isCaseableLeadStatus } from '../../../src/contract/vocabulary.ts';
import { api } from '../api/client.ts';
import { useApi } from '../hooks/use-api.ts';
import { OpenCaseDialog, type OpenCaseMode } from './open-case-dialog.tsx';

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
  const [dialog, setDialog] = useState<OpenCaseMode | null>(null);
  const ref = useApi(
    (s) => api.call('GET /api/supervision-cases/by-lead/:key', { params: { key: leadId } }, s),
    [leadId, status],
  );

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
        onClick={() => setDialog('open')}
        data-testid="open-case"
      >
        立案
      </Button>
      <Button icon={<NodeIndexOutlined />} onClick={() => setDialog('join')}>
        并入案件
      </Button>
      <OpenCaseDialog mode={dialog} leadIds={[leadId]} onClose={() => setDialog(null)} />
    </>
  );
}
