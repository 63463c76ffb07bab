import { useState } from 'react';
import { App, Button, Space, Typography, Upload } from 'antd';
import { PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import type { CaseAttachment } from '../../../src/contract/documents.ts';
import { api, ApiError, downloadRoute } from '../api/client.ts';
import { useApi } from '../hooks/use-api.ts';

/** What the server accepts; it checks the content, this only narrows the file dialog. */
const ACCEPT = '.pdf,.png,.jpg,.jpeg,.gif,.tif,.tiff,.doc,.docx';

function size(n: number): string {
  return n < 1024 * 1024
    ? `${Math.max(1, Math.round(n / 1024))} KB`
    : `${(n / 1048576).toFixed(1)} MB`;
}

/** The case's attachments, grouped by act, and a reload after an upload. */
export function useCaseAttachments(caseId: number) {
  const loaded = useApi(
    (s) => api.call('GET /api/supervision-cases/:id/files', { params: { id: String(caseId) } }, s),
    [caseId],
  );
  const byAct = new Map<number, CaseAttachment[]>();
  for (const f of loaded.data?.items ?? []) byAct.set(f.actId, [...(byAct.get(f.actId) ?? []), f]);
  return { byAct, reload: loaded.reload };
}

/**
 * 附件 of one verification act: each file downloads under its own name (the link names only the
 * file's id); upload several at once (PDF, images, Word; the server refuses anything else by
 * content and names the file).
 */
export function ActAttachments(props: {
  caseId: number;
  actId: number;
  files: readonly CaseAttachment[];
  canUpload: boolean;
  onUploaded: () => void;
}) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);

  const send = async (files: File[]) => {
    const form = new FormData();
    for (const f of files) form.append('files', f, f.name);
    setBusy(true);
    try {
      const { items } = await api.call('POST /api/supervision-cases/:id/acts/:actId/files', {
        params: { id: String(props.caseId), actId: String(props.actId) },
        query: {},
        body: form,
      });
      message.success(`已上传 ${items.length} 个附件`);
      props.onUploaded();
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : '上传失败');
    } finally {
      setBusy(false);
    }
  };

  const get = (f: CaseAttachment) =>
    downloadRoute('GET /api/case-files/:id', { params: { id: String(f.id) } }, f.fileName).catch(
      (e: unknown) => message.error(e instanceof ApiError ? e.message : '下载失败'),
    );

  return (
    <Space orientation="vertical" size={2} data-testid={`act-files-${props.actId}`}>
      {props.files.map((f) => (
        <Typography.Link key={f.id} onClick={() => void get(f)}>
          <PaperClipOutlined /> {f.fileName}{' '}
          <Typography.Text type="secondary">（{size(f.size)}）</Typography.Text>
        </Typography.Link>
      ))}
      {props.canUpload && (
        <Upload
          multiple
          accept={ACCEPT}
          showUploadList={false}
          beforeUpload={(file, list) => {
            // Called once per file: send the whole selection with the last one.
            if (file === list[list.length - 1]) void send(list);
            return false;
          }}
        >
          <Button size="small" icon={<UploadOutlined />} loading={busy}>
            上传附件
          </Button>
        </Upload>
      )}
    </Space>
  );
}
