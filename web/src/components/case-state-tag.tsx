import { Tag } from 'antd';

const COLORS: Record<string, string> = {
  受理: 'orange',
  调查核实: 'blue',
  审查终结: 'cyan',
  制发检察建议: 'geekblue',
  法院回复: 'purple',
  跟进监督: 'magenta',
  结案: 'default',
};

/** A supervision case's state as the coloured tag of lists and the case page. */
export function CaseStateTag({ state }: { state: string }) {
  return <Tag color={COLORS[state] ?? 'default'}>{state}</Tag>;
}
