import { describe, expect, it } from 'vitest';
import { SIR_DIAGRAM } from '../../core/diagram/exampleDiagrams.ts';
import type { StoredProject } from '../persistence/StudioRepository.ts';
import { parseProjectFile, toProjectFile } from './projectFile.ts';
import { ProjectFileError } from './ProjectFileError.ts';

function stored(diagram?: unknown): StoredProject {
  return {
    project: {
      id: 'p',
      name: 'Drawn',
      env: 'covid',
      createdAt: 1,
      updatedAt: 2,
      knowledge: '',
      variables: ['S', 'I', 'R'],
      dataset: null,
      datasetOrigin: { kind: 'generated', env: 'covid', seed: 1 },
      source: 'const parameters = {};',
      ...(diagram !== undefined ? { diagram: diagram as never } : {}),
    },
    versions: [],
    runs: [],
  };
}

const roundTrip = (s: StoredProject) => parseProjectFile(JSON.parse(JSON.stringify(toProjectFile(s, 0))));

describe('project files with a diagram', () => {
  it('keep the diagram through export and import', () => {
    expect(roundTrip(stored(SIR_DIAGRAM)).project.diagram).toEqual(SIR_DIAGRAM);
  });

  it('import files from before diagrams unchanged (no diagram field)', () => {
    expect('diagram' in roundTrip(stored()).project).toBe(false);
  });

  it('import a half-drawn diagram (an unknown name in a rate is a draft, not a broken file)', () => {
    const draft = { ...SIR_DIAGRAM, flows: [{ ...SIR_DIAGRAM.flows[0], rate: 'bta * I' }] };
    expect(roundTrip(stored(draft)).project.diagram?.flows[0].rate).toBe('bta * I');
  });

  it('refuse a malformed diagram with the path of the problem', () => {
    const bad = { ...SIR_DIAGRAM, stocks: [{ name: 'S', kind: 'integer', initial: 'lots' }] };
    expect(() => roundTrip(stored(bad))).toThrow(new ProjectFileError('project.diagram.stocks[0].initial', 'expected a finite number, got "lots"'));
  });
});
