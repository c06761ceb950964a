/** A project file that cannot be imported, with the JSON path of the first problem. */
export class ProjectFileError extends Error {
  /** e.g. `runs[2].settings.method`. */
  readonly path: string;

  constructor(path: string, message: string) {
    super(`${path}: ${message}`);
    this.name = 'ProjectFileError';
    this.path = path;
  }
}
