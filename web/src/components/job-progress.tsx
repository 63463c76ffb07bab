import { Alert, Progress, Typography } from 'antd';
import type { Job } from '../../../src/contract/jobs.ts';
import { JOB_STATE_LABELS } from '../../../src/contract/vocabulary.ts';
import { jobPercent } from '../hooks/use-job.ts';
import { formatDateTime } from './format.ts';

/** A background job's progress bar; it keeps going across page reloads (the id is in the URL). */
export function JobProgress({ job }: { job: Job }) {
  const percent = jobPercent(job);
  const status =
    job.state === 'failed' ? 'exception' : job.state === 'succeeded' ? 'success' : 'active';
  return (
    <div data-testid="job-progress" data-state={job.state}>
      <div style={{ display: 'flex', justifyContent: 'space-between', gap: 16 }}>
        <Typography.Text strong ellipsis={{ tooltip: job.title }} style={{ flex: 1, minWidth: 0 }}>
          {JOB_STATE_LABELS[job.state]} · {job.title}
        </Typography.Text>
        <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>
          开始于 {formatDateTime(job.startedAt ?? job.createdAt)}
        </Typography.Text>
      </div>
      <Progress percent={percent ?? (job.state === 'succeeded' ? 100 : 0)} status={status} />
      <Typography.Text type="secondary">
        {job.progress.message}
        {job.progress.total
          ? `（${job.progress.done.toLocaleString('zh-CN')} / ${job.progress.total.toLocaleString('zh-CN')}）`
          : ''}
      </Typography.Text>
      {job.error && (
        <Alert
          type="error"
          showIcon
          style={{ marginTop: 8 }}
          title="任务失败"
          description={job.error.message}
        />
      )}
    </div>
  );
}
