// The only globals core may use. `console` is declared for deduplicated warnings (util/warn.ts);
// everything environment-specific (clock, timers, workers) is injected instead.
declare const console: { warn(...args: unknown[]): void; log(...args: unknown[]): void };
