import { EmptyState } from '../../components/EmptyState.tsx';

/** What-if scenarios and policy search on the calibrated simulator (issue #7). */
export function ScenariosPanel() {
  return <EmptyState title="What-if & policy" testId="panel.scenarios">Scenarios and policy search appear here.</EmptyState>;
}
