import { studioStore } from '../store/studioStore.ts';

/**
 * Replaces the domain-knowledge Markdown.
 * @param knowledge Markdown text.
 */
export function setKnowledge(knowledge: string): void {
  studioStore.setState({ knowledge });
}

/**
 * Adds an observed variable (trimmed, ignored when empty or already listed).
 * @param name variable name as the data's states carry it.
 */
export function addVariable(name: string): void {
  const v = name.trim();
  const { variables } = studioStore.getState();
  if (!v || variables.includes(v)) return;
  studioStore.setState({ variables: [...variables, v] });
}

/**
 * Removes an observed variable.
 * @param name variable name.
 */
export function removeVariable(name: string): void {
  studioStore.setState((s) => ({ variables: s.variables.filter((v) => v !== name) }));
}
