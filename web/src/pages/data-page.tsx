import { useEffect, useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Input,
  Space,
  Table,
  Tabs,
  Tag,
  Typography,
  Upload,
} from 'antd';
import type { UploadFile } from 'antd';
import { CloudUploadOutlined, DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import {
  DEFAULT_MAX_UPLOAD_BYTES,
  type Dataset,
  type FilePreview,
  type ImportReport,
} from '../../../src/contract/data.ts';
import { holdersOf } from '../../../src/contract/rights.ts';
import { api, ApiError, downloadRoute } from '../api/client.ts';
import { BatchesTable } from '../components/batches-table.tsx';
import { formatBytes, formatCount, formatDateTime } from '../components/format.ts';
import { ImportReportView } from '../components/import-report.tsx';
import { JobProgress } from '../components/job-progress.tsx';
import { initialChoice, MappingEditor, missingRequired } from '../components/mapping-editor.tsx';
import type { FileChoice } from '../components/mapping-editor.tsx';
import { useApi } from '../hooks/use-api.ts';
import { useJob } from '../hooks/use-job.ts';
import { useSession } from '../hooks/use-session.tsx';
import { useUrlState } from '../hooks/use-url-state.ts';

// Per user: a colleague signing in on the same computer must not see (or import) someone's files.
const pendingKey = (userId: string) => `zj.import.pending.${userId}`;
const jobKey = (userId: string) => `zj.import.job.${userId}`;

interface Pending {
  files: FilePreview[];
  choices: FileChoice[];
  skipBadRows: boolean;
  /** Keep the last row of a repeated natural key (e.g. 案号) instead of refusing the file. */
  keepLastDuplicate?: boolean;
  source: string;
}

function loadPending(key: string): Pending | null {
  try {
    const raw = localStorage.getItem(key);
    return raw ? (JSON.parse(raw) as Pending) : null;
  } catch {
    return null;
  }
}

/** 数据管理: upload → confirm dataset and mapping → import (background job) → report; batches. */
export default function DataPage() {
  const { message } = App.useApp();
  const { user, hasRight } = useSession();
  const pendingStore = pendingKey(user?.id ?? '');
  const jobStore = jobKey(user?.id ?? '');
  const url = useUrlState();
  const tab = url.get('tab') ?? 'import';
  const jobId = url.get('job');
  const canImport = hasRight('import_data');

  const datasets = useApi((s) => api.call('GET /api/datasets', {}, s), []);
  const [fileList, setFileList] = useState<UploadFile[]>([]);
  const [uploading, setUploading] = useState(false);
  // Confirmed mappings survive a reload: they are the user's work.
  const [pending, setPending] = useState<Pending | null>(() => loadPending(pendingStore));
  const [starting, setStarting] = useState(false);
  const [batchesKey, setBatchesKey] = useState(0);
  const { job, error: jobError } = useJob(jobId);

  useEffect(() => {
    if (pending) localStorage.setItem(pendingStore, JSON.stringify(pending));
    else localStorage.removeItem(pendingStore);
  }, [pending]);

  // Back on this page without ?job=: re-attach to the import that was running.
  useEffect(() => {
    if (!jobId) {
      const last = localStorage.getItem(jobStore);
      if (last) url.set({ job: last }, true);
    }
  }, []);

  useEffect(() => {
    if (job?.state === 'succeeded') {
      setBatchesKey((k) => k + 1);
      datasets.reload();
    }
  }, [job?.state]);

  const datasetLabel = (name: string) => datasets.data?.find((d) => d.name === name)?.label ?? name;

  const uploadAndDetect = async () => {
    const files = fileList
      .map((f) => f.originFileObj)
      .filter((f): f is NonNullable<typeof f> => !!f);
    if (!files.length) return;
    setUploading(true);
    try {
      const form = new FormData();
      for (const f of files) form.append('files', f, f.name);
      const up = await api.call('POST /api/uploads', { body: form });
      const preview = await api.call('POST /api/uploads/preview', {
        body: { uploadIds: up.files.map((f) => f.uploadId) },
      });
      setPending({
        files: preview.files,
        choices: preview.files.map(initialChoice),
        // The contract's default: a batch with bad rows is refused whole; skipping is the user's choice.
        skipBadRows: pending?.skipBadRows ?? false,
        keepLastDuplicate: pending?.keepLastDuplicate ?? false,
        source: pending?.source ?? '',
      });
      setFileList([]);
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : '上传失败');
    } finally {
      setUploading(false);
    }
  };

  const startImport = async (dryRun: boolean) => {
    if (!pending) return;
    setStarting(true);
    try {
      const started = await api.call('POST /api/imports', {
        body: {
          files: pending.choices.map((c) => ({
            uploadId: c.uploadId,
            dataset: c.dataset ?? undefined,
            mapping: c.mapping,
          })),
          skipBadRows: pending.skipBadRows,
          dedupe: pending.keepLastDuplicate ? 'last' : 'reject',
          dryRun,
          source: pending.source.trim() || undefined,
        },
      });
      localStorage.setItem(jobStore, started.jobId);
      if (!dryRun) setPending(null);
      url.set({ job: started.jobId });
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : '导入失败');
    } finally {
      setStarting(false);
    }
  };

  const problems = pending
    ? pending.choices.flatMap((c, i) => {
        const name = pending.files[i]?.fileName ?? '';
        if (!c.dataset) return [`${name}：请选择数据集`];
        const miss = missingRequired(c, datasets.data ?? []);
        return miss.length ? [`${name}：缺少必填列 ${miss.join('、')}`] : [];
      })
    : [];

  const report =
    job?.state === 'succeeded' && job.kind === 'import'
      ? (job.result as ImportReport | null)
      : null;

  const importTab = (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      {!canImport && (
        <Alert
          type="info"
          showIcon
          title={`导入数据需要${holdersOf('import_data')}角色。您可以查看批次和下载模板。`}
        />
      )}
      {canImport && !pending && (
        <Card
          size="small"
          title="第一步：上传文件"
          extra={
            <Button
              type="link"
              size="small"
              icon={<DownloadOutlined />}
              onClick={() => url.set({ tab: 'datasets' })}
            >
              下载导入模板
            </Button>
          }
        >
          <Upload.Dragger
            multiple
            accept=".xlsx,.xls,.csv,.txt"
            fileList={fileList}
            beforeUpload={(file) => {
              if (file.size > DEFAULT_MAX_UPLOAD_BYTES) {
                message.error(
                  `文件“${file.name}”大小为 ${formatBytes(file.size)}，超过上限 ${formatBytes(DEFAULT_MAX_UPLOAD_BYTES)}，已拒绝。`,
                );
                return Upload.LIST_IGNORE;
              }
              return false;
            }}
            onChange={({ fileList: next }) => setFileList(next)}
            data-testid="upload-dragger"
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">将 Excel / CSV 文件拖到此处，或点击选择（可一次多个）</p>
            <p className="ant-upload-hint">
              支持 .xlsx、.csv（UTF-8 或 GBK）。平台会自动识别数据集和表头，导入前由您确认。
            </p>
          </Upload.Dragger>
          <div style={{ marginTop: 12, textAlign: 'right' }}>
            <Button
              type="primary"
              icon={<CloudUploadOutlined />}
              disabled={!fileList.length}
              loading={uploading}
              onClick={() => void uploadAndDetect()}
              data-testid="upload-detect"
            >
              上传并识别（{fileList.length} 个文件）
            </Button>
          </div>
        </Card>
      )}
      {canImport && pending && (
        <Card
          size="small"
          title={`第二步：确认数据集与表头对应（${pending.files.length} 个文件）`}
          extra={
            <Button onClick={() => setPending(null)} disabled={starting}>
              放弃，重新上传
            </Button>
          }
        >
          {pending.files.map((f, i) => {
            const choice = pending.choices[i];
            if (!choice) return null;
            return (
              <MappingEditor
                key={f.uploadId}
                file={f}
                choice={choice}
                datasets={datasets.data ?? []}
                onChange={(c) =>
                  setPending({
                    ...pending,
                    choices: pending.choices.map((x, j) => (j === i ? c : x)),
                  })
                }
                onRemove={() =>
                  pending.files.length === 1
                    ? setPending(null)
                    : setPending({
                        ...pending,
                        files: pending.files.filter((_, j) => j !== i),
                        choices: pending.choices.filter((_, j) => j !== i),
                      })
                }
              />
            );
          })}
          <Space wrap style={{ marginTop: 8 }}>
            <span>数据来源：</span>
            <Input
              style={{ width: 280 }}
              placeholder="如：杭州市上城区人民法院 2024 年终本台账"
              maxLength={200}
              value={pending.source}
              onChange={(e) => setPending({ ...pending, source: e.target.value })}
            />
            <Checkbox
              checked={pending.skipBadRows}
              onChange={(e) => setPending({ ...pending, skipBadRows: e.target.checked })}
            >
              跳过问题行（默认有问题行时整批不导入；勾选则导入合格行，问题行列入校验报告）
            </Checkbox>
            <Checkbox
              checked={pending.keepLastDuplicate ?? false}
              onChange={(e) => setPending({ ...pending, keepLastDuplicate: e.target.checked })}
            >
              重复时保留最后一行（同一文件中案号等自然键重复时；默认整批不导入）
            </Checkbox>
          </Space>
          {problems.length > 0 && (
            <Alert
              type="warning"
              showIcon
              style={{ marginTop: 12 }}
              title="导入前请处理："
              description={problems.map((p) => (
                <div key={p}>{p}</div>
              ))}
            />
          )}
          <div style={{ marginTop: 12, textAlign: 'right' }}>
            <Space>
              <Button
                disabled={problems.length > 0}
                loading={starting}
                onClick={() => void startImport(true)}
              >
                仅校验
              </Button>
              <Button
                type="primary"
                disabled={problems.length > 0}
                loading={starting}
                onClick={() => void startImport(false)}
                data-testid="start-import"
              >
                确认并导入
              </Button>
            </Space>
          </div>
        </Card>
      )}
      {jobError && jobId && (
        <Alert
          type="warning"
          showIcon
          title={`找不到导入任务：${jobError.message}`}
          action={
            <Button
              onClick={() => {
                localStorage.removeItem(jobStore);
                url.set({ job: null });
              }}
            >
              关闭
            </Button>
          }
        />
      )}
      {job && (
        <Card
          size="small"
          title="导入任务"
          extra={
            job.state === 'succeeded' || job.state === 'failed' ? (
              <Button
                size="small"
                onClick={() => {
                  localStorage.removeItem(jobStore);
                  url.set({ job: null });
                }}
              >
                关闭
              </Button>
            ) : null
          }
        >
          <JobProgress job={job} />
        </Card>
      )}
      {report && jobId && (
        <ImportReportView
          report={report}
          datasetLabel={datasetLabel}
          onDownload={() =>
            void downloadRoute(
              'GET /api/imports/:jobId/report.xlsx',
              { params: { jobId } },
              '校验报告.xlsx',
            ).catch((e: unknown) => message.error(e instanceof ApiError ? e.message : '下载失败'))
          }
        />
      )}
    </Space>
  );

  const datasetsTab = (
    <Table<Dataset>
      size="small"
      rowKey="name"
      loading={datasets.loading}
      dataSource={datasets.data ?? []}
      pagination={false}
      expandable={{
        expandedRowRender: (d) => (
          <Table
            size="small"
            rowKey="name"
            pagination={false}
            dataSource={d.columns}
            columns={[
              {
                title: '列（模板表头）',
                dataIndex: 'label',
                render: (v: string, c) => (
                  <span>
                    {v}
                    {c.required && (
                      <Tag color="red" style={{ marginLeft: 6 }}>
                        必填
                      </Tag>
                    )}
                  </span>
                ),
              },
              {
                title: '字段名',
                dataIndex: 'name',
                render: (v: string) => <Typography.Text code>{v}</Typography.Text>,
              },
              { title: '说明', dataIndex: 'description' },
              {
                title: '可识别的其他表头',
                dataIndex: 'synonyms',
                render: (v: string[]) => v.join('、') || '—',
              },
            ]}
          />
        ),
      }}
      columns={[
        { title: '分类', dataIndex: 'group', width: 120 },
        {
          title: '数据集',
          dataIndex: 'label',
          render: (v: string, d) => (
            <span>
              {v} <Typography.Text type="secondary">{d.name}</Typography.Text>
            </span>
          ),
        },
        { title: '每行含义', dataIndex: 'rowMeaning' },
        { title: '现有行数', dataIndex: 'rows', align: 'right', render: formatCount },
        { title: '最近导入', dataIndex: 'lastImportAt', render: formatDateTime },
        {
          title: '模板',
          key: 'tpl',
          render: (_: unknown, d) => (
            <Button
              size="small"
              icon={<DownloadOutlined />}
              onClick={() =>
                void downloadRoute(
                  'GET /api/templates/:dataset',
                  { params: { dataset: d.name } },
                  `${d.label}模板.xlsx`,
                ).catch((e: unknown) =>
                  message.error(e instanceof ApiError ? e.message : '下载失败'),
                )
              }
            >
              下载模板
            </Button>
          ),
        },
      ]}
    />
  );

  return (
    <Card title="数据管理" data-testid="data-page">
      <Tabs
        activeKey={tab}
        onChange={(k) => url.set({ tab: k === 'import' ? null : k })}
        items={[
          { key: 'import', label: '导入数据', children: importTab },
          {
            key: 'batches',
            label: '导入批次',
            children: (
              <BatchesTable
                datasets={datasets.data ?? []}
                canRollback={hasRight('rollback_batches')}
                refreshKey={batchesKey}
              />
            ),
          },
          { key: 'datasets', label: '数据集与模板', children: datasetsTab },
        ]}
      />
    </Card>
  );
}
