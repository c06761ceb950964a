/**
 * The syntax tree of a safe expression (see parseExpression). Every node keeps `pos`, the 0-based
 * character offset where it starts, so errors can point into the text.
 */
export type ExprNode =
  | { readonly type: 'number'; readonly pos: number; readonly value: number }
  | { readonly type: 'boolean'; readonly pos: number; readonly value: boolean }
  /** A string literal; only ever the key of `state["beds in use"]` (the parser allows it nowhere else). */
  | { readonly type: 'string'; readonly pos: number; readonly value: string }
  | { readonly type: 'name'; readonly pos: number; readonly name: string }
  | { readonly type: 'array'; readonly pos: number; readonly items: readonly ExprNode[] }
  | { readonly type: 'unary'; readonly pos: number; readonly op: UnaryOp; readonly arg: ExprNode }
  | { readonly type: 'binary'; readonly pos: number; readonly op: BinaryOp; readonly left: ExprNode; readonly right: ExprNode }
  | { readonly type: 'logical'; readonly pos: number; readonly op: '&&' | '||'; readonly left: ExprNode; readonly right: ExprNode }
  | { readonly type: 'conditional'; readonly pos: number; readonly test: ExprNode; readonly then: ExprNode; readonly otherwise: ExprNode }
  /** `object.property`: a Math constant, `series.length`, `state.X` / `prev.X`. */
  | { readonly type: 'member'; readonly pos: number; readonly object: ExprNode; readonly property: string }
  /** `object[index]`: a series element, or `state["X"]`. */
  | { readonly type: 'index'; readonly pos: number; readonly object: ExprNode; readonly index: ExprNode }
  /** `sum(a)` (a reduction), `Math.max(a, b)` (`namespace: 'Math'`) or `a.slice(1, 3)` (`target`: the series). */
  | { readonly type: 'call'; readonly pos: number; readonly callee: string; readonly namespace?: 'Math'; readonly target?: ExprNode; readonly args: readonly ExprNode[] };

export type UnaryOp = '-' | '+' | '!';
export type BinaryOp = '+' | '-' | '*' | '/' | '%' | '**' | '<' | '<=' | '>' | '>=' | '==' | '!=' | '===' | '!==';
