import { describe, expect, it } from 'vitest';
import type { StoredProject } from '../persistence/StudioRepository.ts';
import { parseProjectFile, toProjectFile } from './projectFile.ts';
import { ProjectFileError } from './ProjectFileError.ts';
import { createRun, finishRun } from './runTransitions.ts';

function sample(): StoredProject {
  const run = finishRun(
    createRun({ id: 'r', projectId: 'p', now: 1, settings: { method: 'ga', generations: 2, popsize: 4, mc: 1, seed: 1 }, codeHash: 'h', parameters: [{ name: 'k', min: 0, max: 1 }] }),
    { method: 'ga', params: { k: 0.5 }, bestFitness: Infinity, history: [{ iteration: 1, best: Infinity, mean: Infinity }], simulations: 0, failures: 4, seconds: 0.1, cancelled: false },
    2,
  );
  return {
    project: {
      id: 'p',
      name: 'Mine',
      env: null,
      createdAt: 1,
      updatedAt: 2,
      knowledge: '# k',
      variables: ['x'],
      dataset: {
        format: 'gsim-dataset',
        version: 1,
        name: 'd',
        variables: ['x'],
        splits: { train: [{ id: 't', states: [{ x: 1 }, { x: 2 }], actions: [null] }], val: [], test: [] },
      },
      datasetOrigin: { kind: 'imported', fileName: 'd.csv', importedAt: 3 },
      source: 'const parameters = {};',
    },
    versions: [{ projectId: 'p', hash: 'h', source: 'x', savedAt: 1 }],
    runs: [run],
  };
}

describe('projectFile', () => {
  it('keeps a run’s fitness, budget, fixed parameters and trust signals (issue #14), and rejects an unknown fitness', () => {
    const p = sample();
    p.runs[0] = {
      ...p.runs[0],
      settings: { ...p.runs[0].settings, fitness: 'energy', budget: 'converge', fixed: { k: 0.25 } },
      search: { budget: 'converge', candidates: 40, maxCandidates: 1000, stoppedBy: 'stalled', restarts: 1, refinementGenerations: 0 },
      identifiability: [{ name: 'k', value: 0.25, width: 0.5, relativeWidth: 0.5, status: 'unidentified', atBound: null, tradesOffWith: null, source: 'curvature' }],
      warnings: [{ kind: 'unidentified', parameter: 'k', message: 'k is not pinned down' }],
    };
    const json = JSON.parse(JSON.stringify(toProjectFile(p, 0)));
    const run = parseProjectFile(json).runs[0];
    expect(run.settings).toMatchObject({ fitness: 'energy', budget: 'converge', fixed: { k: 0.25 } });
    expect(run.search?.restarts).toBe(1);
    expect(run.identifiability?.[0].status).toBe('unidentified');
    expect(run.warnings?.[0].kind).toBe('unidentified');
    const bad = JSON.parse(JSON.stringify(json));
    bad.runs[0].settings.fitness = 'likelihood';
    expect(() => parseProjectFile(bad)).toThrow(/settings\.fitness/);
  });

  it('round-trips through JSON, reading null fitness back as +Infinity', () => {
    const json = JSON.parse(JSON.stringify(toProjectFile(sample(), 0)));
    const back = parseProjectFile(json);
    expect(back.project.name).toBe('Mine');
    expect(back.project.dataset?.splits.train[0].states).toHaveLength(2);
    expect(back.runs[0].bestFitness).toBe(Infinity);
    expect(back.runs[0].history[0].best).toBe(Infinity);
    expect(back.versions[0].hash).toBe('h');
  });

  it('writes generated data as its recipe only', () => {
    const s = sample();
    s.project.datasetOrigin = { kind: 'generated', env: 'covid', seed: 1 };
    expect(toProjectFile(s, 0).project.dataset).toBeNull();
  });

  it('refuses other formats, newer schemas and bad fields with a path', () => {
    expect(() => parseProjectFile({ format: 'nope' })).toThrow(ProjectFileError);
    const newer = { ...JSON.parse(JSON.stringify(toProjectFile(sample(), 0))), schemaVersion: 99 };
    expect(() => parseProjectFile(newer)).toThrow(/newer studio/);
    const bad = JSON.parse(JSON.stringify(toProjectFile(sample(), 0)));
    bad.runs[0].settings.method = 'magic';
    expect(() => parseProjectFile(bad)).toThrow(/runs\[0\]\.settings\.method/);
    const badData = JSON.parse(JSON.stringify(toProjectFile(sample(), 0)));
    badData.project.dataset.splits.train[0].states[1].x = 'NaN';
    expect(() => parseProjectFile(badData)).toThrow(/project\.dataset\.splits\.train\[0\]\.states\[1\]\.x/);
  });

  it('refuses an imported-data project whose file lacks the data', () => {
    const f = JSON.parse(JSON.stringify(toProjectFile(sample(), 0)));
    f.project.dataset = null;
    expect(() => parseProjectFile(f)).toThrow(/project\.dataset/);
  });
});
