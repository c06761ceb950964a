import type { Dataset } from '../../core/data/Dataset.ts';
import { defaultDomainRules } from '../../core/llm/defaultDomainRules.ts';
import { getEnvironment } from '../../core/envs/environments.ts';
import { IDLE_LOOP, type LoopVersion } from '../model/LoopVersion.ts';
import type { CodeVersion, Project } from '../model/Project.ts';
import type { RunRecord } from '../model/RunRecord.ts';
import { interruptStaleRuns } from '../model/runTransitions.ts';
import { emptyWhatIf } from './scenarioSlice.ts';
import type { StudioState } from './studioStore.ts';

/** The first train trajectory, or nothing. */
export function firstTrajectory(dataset: Dataset | null): StudioState['selected'] {
  return dataset && dataset.splits.train.length > 0 ? { split: 'train', index: 0 } : null;
}

/**
 * The store fields for an opened project (pure). Everything project-specific is replaced, so no
 * state of the previous project (markers, import problem, selection) leaks into the next one.
 * Runs left `running` by a closed tab become `interrupted`.
 */
export function projectState(project: Project, versions: CodeVersion[], runs: RunRecord[], lineage: LoopVersion[] = []): Partial<StudioState> {
  const { id, name, env, createdAt, updatedAt } = project;
  return {
    meta: { id, name, env, createdAt, updatedAt },
    knowledge: project.knowledge,
    variables: project.variables,
    dataset: project.dataset,
    datasetOrigin: project.datasetOrigin,
    datasetLoading: false,
    importProblem: null,
    pendingImport: null,
    importUndo: null,
    selected: firstTrajectory(project.dataset),
    source: project.source,
    versions,
    markers: [],
    compile: { status: 'idle' },
    runs: interruptStaleRuns(runs),
    activeRunId: null,
    selectedRunId: null,
    lineage,
    rules: project.rules ?? defaultDomainRules(project.env ?? undefined),
    loop: { ...IDLE_LOOP },
    diff: null,
    recording: project.recording ?? null,
    whatIf: project.whatIf ?? emptyWhatIf(project.env ? getEnvironment(project.env).horizon : undefined),
    diagram: project.diagram ?? null,
    scenarioJob: null,
    policyJob: null,
  };
}
