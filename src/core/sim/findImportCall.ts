interface AstNode {
  type?: string;
  loc: { start: { line: number; column: number } };
}

/**
 * The first `import(...)` in a syntax tree. Refused before the program runs: a module load is a network
 * or file access, and Node's loader is outside the vm sandbox (README "Security").
 */
export function findImportCall(root: unknown): AstNode | undefined {
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === null || typeof node !== 'object') continue;
    if (Array.isArray(node)) {
      for (const child of node) stack.push(child);
      continue;
    }
    if ((node as AstNode).type === 'ImportExpression') return node as AstNode;
    for (const [key, child] of Object.entries(node)) if (key !== 'loc' && typeof child === 'object') stack.push(child);
  }
  return undefined;
}
