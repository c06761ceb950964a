/**
 * Names a diagram node cannot take: JavaScript's reserved words and globals an expression could
 * shadow, and the names the generated program uses itself (its arguments and helpers).
 */
export const RESERVED_NAMES: ReadonlySet<string> = new Set([
  // JavaScript
  'break', 'case', 'catch', 'class', 'const', 'continue', 'debugger', 'default', 'delete', 'do', 'else', 'enum', 'export', 'extends',
  'false', 'finally', 'for', 'function', 'if', 'import', 'in', 'instanceof', 'new', 'null', 'return', 'super', 'switch', 'this',
  'throw', 'true', 'try', 'typeof', 'var', 'void', 'while', 'with', 'yield', 'let', 'static', 'implements', 'interface', 'package',
  'private', 'protected', 'public', 'await', 'async', 'arguments', 'eval', 'undefined', 'NaN', 'Infinity', 'Math', 'Number', 'Object',
  'Array', 'JSON', 'globalThis',
  // the simulator form and the generated program
  'state', 'action', 'rawAction', 'params', 'rng', 'parameters', 'step', 'initialState', 'count', 'probability', 'conditional', 'amount',
  'quantity', 'remaining', 'positive', 'negBinomial', 'shipment',
]);

