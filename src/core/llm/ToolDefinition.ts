/** A function the model may call, described by a JSON Schema (OpenAI `parameters`, Anthropic `input_schema`). */
export interface ToolDefinition {
  name: string;
  description: string;
  parameters: Readonly<Record<string, unknown>>;
}
