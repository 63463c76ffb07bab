import { useState } from 'react';
import { Alert, App, Button, Card, Radio, Space, Table, Tag, Tooltip, Upload } from 'antd';
import type { UploadFile } from 'antd';
import { FileSearchOutlined, InboxOutlined } from '@ant-design/icons';
import { Link, useSearchParams } from 'react-router-dom';
import type { UploadResponse } from '../../../src/contract/data.ts';
import type {
  ExtractedDocumentSummary,
  ExtractionJobResult,
} from '../../../src/contract/extract.ts';
import { api, ApiError, uploadFile } from '../api/client.ts';
import { useJob } from '../hooks/use-job.ts';
import { JobProgress } from './job-progress.tsx';

const ACCEPT = '.txt,.html,.htm,.docx,.pdf,.png,.jpg,.jpeg,.tif,.tiff';
type Ocr = 'auto' | 'always' | 'never';

/**
 * 上传文书: many files by drag and drop, each with its upload progress; then one background job
 * reads, OCRs (progress per page) and imports them; each document links to its review.
 */
export function ExtractUpload({ onDone }: { onDone: () => void }) {
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const jobId = params.get('job') ?? undefined;
  const { job, error } = useJob(jobId);
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [ocr, setOcr] = useState<Ocr>('auto');
  const [starting, setStarting] = useState(false);
  const uploaded = files.filter((f) => f.status === 'done' && f.response);
  const uploading = files.some((f) => f.status === 'uploading');
  const result = job?.state === 'succeeded' ? (job.result as ExtractionJobResult) : undefined;

  const start = async () => {
    setStarting(true);
    try {
      const { jobId: id } = await api.call('POST /api/extract/jobs', {
        body: {
          // A file the server answered without an id was not stored: nothing to extract.
          uploadIds: uploaded.flatMap((f) =>
            (f.response as UploadResponse).files.map((u) => u.uploadId),
          ),
          ocr,
        },
      });
      setFiles([]);
      setParams({ job: id });
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : '无法开始提取');
    } finally {
      setStarting(false);
    }
  };

  return (
    <Card title="上传文书" size="small" style={{ marginBottom: 16 }}>
      <Upload.Dragger
        multiple
        accept={ACCEPT}
        fileList={files}
        data-testid="extract-dragger"
        onChange={({ fileList }) => setFiles(fileList)}
        customRequest={({ file, onProgress, onSuccess, onError }) => {
          uploadFile('POST /api/extract/uploads', file as Blob & { name: string }, (percent) =>
            onProgress?.({ percent }),
          ).then(
            (r) => onSuccess?.(r),
            (e: unknown) => {
              const err = e instanceof Error ? e : new Error(String(e));
              message.error(err.message);
              onError?.(err);
            },
          );
        }}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">
          将裁定书、通知书或整本案卷拖到此处，或点击选择（可一次多个）
        </p>
        <p className="ant-upload-hint">支持 txt、html、docx、pdf 及扫描图片；扫描件逐页识别文字</p>
      </Upload.Dragger>
      <Space style={{ marginTop: 12 }} wrap>
        <Radio.Group value={ocr} onChange={(e) => setOcr(e.target.value as Ocr)}>
          <Radio.Button value="auto">仅无文字层的页识别</Radio.Button>
          <Radio.Button value="always">全部识别</Radio.Button>
          <Radio.Button value="never">不识别</Radio.Button>
        </Radio.Group>
        <Button
          type="primary"
          icon={<FileSearchOutlined />}
          disabled={uploaded.length === 0 || uploading}
          loading={starting}
          onClick={() => void start()}
          data-testid="extract-start"
        >
          提取并导入（{uploaded.length} 个文件）
        </Button>
      </Space>
      {error && <Alert type="error" showIcon style={{ marginTop: 12 }} title={error.message} />}
      {job && (
        <div style={{ marginTop: 12 }}>
          <JobProgress job={job} />
        </div>
      )}
      {result && (
        <ResultTable
          result={result}
          onClose={() => {
            setParams({});
            onDone();
          }}
        />
      )}
    </Card>
  );
}

function ResultTable({ result, onClose }: { result: ExtractionJobResult; onClose: () => void }) {
  return (
    <div style={{ marginTop: 12 }} data-testid="extract-result">
      <Alert
        type="success"
        showIcon
        style={{ marginBottom: 8 }}
        title={`已导入 ${result.imported} 份文书，${result.reviews} 个字段待核对`}
        action={<Button onClick={onClose}>完成</Button>}
      />
      <Table<ExtractedDocumentSummary>
        size="small"
        pagination={false}
        rowKey={(d) => `${d.fileName}#${d.part ?? 0}`}
        dataSource={result.documents}
        columns={[
          {
            title: '文件',
            dataIndex: 'fileName',
            render: (v: string, d) => (d.part ? `${v}（第 ${d.part} 份）` : v),
          },
          { title: '文书类型', dataIndex: 'docType' },
          { title: '案号', dataIndex: 'caseNo', render: (v: string | null) => v ?? '—' },
          {
            title: '待核对',
            dataIndex: 'lowConfidenceFields',
            // The reason shows on hover, as on the review screen: what to look for in the text.
            render: (v: string[], d) =>
              v.length ? (
                v.map((f) => (
                  <Tooltip key={f} title={d.lowConfidenceReasons[f]}>
                    <Tag color="gold">{f}</Tag>
                  </Tooltip>
                ))
              ) : (
                <Tag color="green">无</Tag>
              ),
          },
          {
            title: '',
            key: 'open',
            render: (_: unknown, d) =>
              d.documentId ? (
                <Link to={`/extract/${encodeURIComponent(d.documentId)}`}>对照原文复核</Link>
              ) : (
                <span style={{ color: '#999' }}>{d.note ?? '未导入'}</span>
              ),
          },
        ]}
      />
    </div>
  );
}
