/**
 * Redis cannot be reached (at start) or was lost (mid-run). The message names the URL (without its
 * password) and, mid-run, says that rerunning the command resumes from the result journal.
 */
export class QueueUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'QueueUnavailableError';
  }
}
