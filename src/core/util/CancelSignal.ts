/**
 * The part of `AbortSignal` core relies on (ES2022 has no AbortSignal type). Long loops check
 * `aborted` between generations/epochs, so cancellation is cooperative and prompt.
 */
export interface CancelSignal {
  readonly aborted: boolean;
}
