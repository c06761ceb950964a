import { describe, expect, it } from 'vitest';
import { parseProjectFile, toProjectFile } from '../model/projectFile.ts';
import { ProjectFileError } from '../model/ProjectFileError.ts';
import type { Project } from '../model/Project.ts';
import { MAX_RECORDED_STEPS, type Recording } from './Recording.ts';
import { appendReply, appendStep, describeStep, sourceAtEnd, startRecording } from './recordingTransitions.ts';

const SETTINGS = { method: 'ga' as const, generations: 3, popsize: 8, mc: 1, seed: 7 };
const fresh = () => startRecording('p1', 'covid', 'START', 100);

describe('recording transitions', () => {
  it('merges consecutive code edits into one step and drops edits that change nothing', () => {
    let r = fresh();
    r = appendStep(r, { kind: 'edit-code', at: 1, source: 'START' });
    expect(r.steps).toEqual([]);
    r = appendStep(r, { kind: 'edit-code', at: 2, source: 'A' });
    r = appendStep(r, { kind: 'edit-code', at: 3, source: 'AB' });
    expect(r.steps).toEqual([{ kind: 'edit-code', at: 3, source: 'AB' }]);
    // Typing back to where the edit started leaves no edit.
    r = appendStep(r, { kind: 'edit-code', at: 4, source: 'START' });
    expect(r.steps).toEqual([]);
    expect(sourceAtEnd(r)).toBe('START');
  });

  it('keeps steps in order; an edit after a calibration is a new step', () => {
    let r = appendStep(fresh(), { kind: 'edit-code', at: 1, source: 'A' });
    r = appendStep(r, { kind: 'calibrate', at: 2, settings: SETTINGS });
    r = appendStep(r, { kind: 'edit-code', at: 3, source: 'B' });
    expect(r.steps.map((s) => s.kind)).toEqual(['edit-code', 'calibrate', 'edit-code']);
    expect(sourceAtEnd(r)).toBe('B');
    expect(describeStep(r.steps[1])).toContain('GA, 3 generations of 8, seed 7');
  });

  it('adds LLM answers to the loop in progress only', () => {
    const reply = { response: { text: 'hi' } };
    expect(appendReply(fresh(), reply)).toEqual(fresh());
    let r = appendStep(fresh(), { kind: 'loop', at: 1, options: { iterations: 2, patience: 3 }, settings: SETTINGS, replies: [] });
    r = appendReply(appendReply(r, reply), { error: { code: 'timeout', message: 'slow' } });
    expect(r.steps[0]).toMatchObject({ kind: 'loop', replies: [reply, { error: { code: 'timeout', message: 'slow' } }] });
  });

  it('stays bounded: past the limit it keeps the first steps and says it was truncated', () => {
    let r: Recording = fresh();
    for (let i = 0; i < MAX_RECORDED_STEPS + 5; i++) r = appendStep(r, { kind: 'calibrate', at: i, settings: SETTINGS });
    expect(r.steps.length).toBe(MAX_RECORDED_STEPS);
    expect(r.steps[0].at).toBe(0);
    expect(r.truncated).toBe(true);
  });
});

function projectWith(recording?: unknown): Project {
  return {
    id: 'p1',
    name: 'COVID',
    env: 'covid',
    createdAt: 1,
    updatedAt: 2,
    knowledge: '# SIR',
    variables: ['S', 'I', 'R'],
    dataset: null,
    datasetOrigin: { kind: 'generated', env: 'covid', seed: 1 },
    source: 'code',
    ...(recording ? { recording: recording as Recording } : {}),
  };
}

describe('recording in the project file', () => {
  const rec: Recording = {
    ...fresh(),
    steps: [
      { kind: 'edit-code', at: 1, source: 'A' },
      { kind: 'calibrate', at: 2, settings: SETTINGS },
      { kind: 'loop', at: 3, options: { iterations: 1, patience: 3 }, settings: SETTINGS, replies: [{ response: { text: '', toolCall: { code: 'X', description: 'd' }, finishReason: 'tool' } }] },
    ],
  };

  it('is exported with the project and read back unchanged', () => {
    const json = JSON.parse(JSON.stringify(toProjectFile({ project: projectWith(rec), versions: [], runs: [] }, 5)));
    expect(parseProjectFile(json).project.recording).toEqual(rec);
  });

  it('is optional: files without one import as before', () => {
    const json = JSON.parse(JSON.stringify(toProjectFile({ project: projectWith(), versions: [], runs: [] }, 5)));
    expect(parseProjectFile(json).project.recording).toBeUndefined();
  });

  it('a malformed recording is refused with the JSON path of the problem', () => {
    const broken = JSON.parse(JSON.stringify(rec));
    broken.steps[2].replies[0] = { response: { text: 3 } };
    const json = JSON.parse(JSON.stringify(toProjectFile({ project: projectWith(broken), versions: [], runs: [] }, 5)));
    expect(() => parseProjectFile(json)).toThrow(ProjectFileError);
    expect(() => parseProjectFile(json)).toThrow('project.recording.steps[2].replies[0].response.text');
    const future = { ...JSON.parse(JSON.stringify(rec)), version: 2 };
    const json2 = JSON.parse(JSON.stringify(toProjectFile({ project: projectWith(future), versions: [], runs: [] }, 5)));
    expect(() => parseProjectFile(json2)).toThrow('project.recording.version');
  });
});
