import { useEffect } from 'react';
import { Alert, Button, Card } from 'antd';
import type { RunResult } from '../../../src/contract/models.ts';
import { useJob } from '../hooks/use-job.ts';
import { JobProgress } from './job-progress.tsx';
import { RunResultView } from './run-result.tsx';

/** A model run followed live (SSE); the job id is in the page URL so a reload keeps it. */
export function RunJobCard({
  jobId,
  onClose,
  onFinished,
  names,
}: {
  jobId: string;
  names?: Record<string, string>;
  onClose: () => void;
  onFinished?: () => void;
}) {
  const { job, error } = useJob(jobId);
  const done = job?.state === 'succeeded' || job?.state === 'failed';
  useEffect(() => {
    if (job?.state === 'succeeded') onFinished?.();
    // Only the transition matters; onFinished identity changes every render.
  }, [job?.state]);
  if (error) {
    return (
      <Alert
        type="warning"
        showIcon
        title={`找不到运行任务：${error.message}`}
        action={<Button onClick={onClose}>关闭</Button>}
      />
    );
  }
  if (!job) return null;
  const result = job.state === 'succeeded' ? (job.result as RunResult | null) : null;
  return (
    <Card
      size="small"
      title="模型运行"
      extra={
        done ? (
          <Button size="small" onClick={onClose}>
            关闭
          </Button>
        ) : null
      }
    >
      <JobProgress job={job} />
      {result && (
        <div style={{ marginTop: 12 }}>
          <RunResultView result={result} names={names} />
        </div>
      )}
    </Card>
  );
}
