import { EmptyState } from '../../components/EmptyState.tsx';

/** The simulator's causal structure drawn from its code (issue #9). */
export function StructurePanel() {
  return <EmptyState title="Structure view" testId="panel.structure">The structure graph of the simulator code appears here.</EmptyState>;
}
