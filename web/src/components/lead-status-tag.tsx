import { Tag } from 'antd';
import {
  isLeadStatus,
  isPriority,
  type LeadStatus,
  type Priority,
} from '../../../src/contract/vocabulary.ts';

const COLORS: Record<LeadStatus, string> = {
  待研判: 'orange',
  研判中: 'blue',
  已成案: 'green',
  已排除: 'default',
  已合并: 'purple',
};

/** A lead's status as the coloured tag used in every table. */
export function LeadStatusTag({ status, changed }: { status: string; changed?: boolean }) {
  return (
    <>
      <Tag color={isLeadStatus(status) ? COLORS[status] : 'default'}>{status}</Tag>
      {changed && <Tag color="red">证据有变化</Tag>}
    </>
  );
}

const PRIORITY_COLORS: Record<Priority, string> = { 高: 'red', 中: 'gold', 低: 'default' };

/** Priority 高 / 中 / 低 as a tag. */
export function PriorityTag({ priority }: { priority: string }) {
  return <Tag color={isPriority(priority) ? PRIORITY_COLORS[priority] : 'default'}>{priority}</Tag>;
}
