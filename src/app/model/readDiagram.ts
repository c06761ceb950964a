import type { Diagram } from '../../core/diagram/Diagram.ts';
import { readDiagramShape } from '../../core/diagram/readDiagramShape.ts';
import { ProjectFileError } from './ProjectFileError.ts';

/**
 * The diagram of an imported project file, checked for its shape (a half-drawn diagram with, say, an
 * unknown name in a rate is a legal draft and imports as it is; the editor shows those problems).
 * @throws ProjectFileError naming the path of the first malformed part.
 */
export function readDiagram(v: unknown, path: string): Diagram {
  // Shape only (no expression parser): this runs on the first load, where project files are read.
  const result = readDiagramShape(v);
  if (!result.ok) {
    const first = result.errors[0];
    throw new ProjectFileError(first.path ? `${path}.${first.path}` : path, first.message);
  }
  return result.diagram;
}
