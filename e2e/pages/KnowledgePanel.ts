import type { Page } from '@playwright/test';

/** Step 1: knowledge text, variables, trajectory import. */
export class KnowledgePanel {
  constructor(readonly page: Page) {}

  readonly text = () => this.page.getByTestId('knowledge.text');
  readonly importError = () => this.page.getByTestId('data.importError');
  readonly importErrorWhere = () => this.page.getByTestId('data.importError.where');
  readonly importErrorMessage = () => this.page.getByTestId('data.importError.message');
  readonly importErrorText = () => this.page.getByTestId('data.importError.text');
  readonly summary = () => this.page.getByTestId('data.summary');

  /** Imports a file through the drop zone's file input. */
  async importFile(name: string, content: string, mimeType = 'text/csv'): Promise<void> {
    await this.page.getByTestId('data.drop.input').setInputFiles({ name, mimeType, buffer: Buffer.from(content) });
  }

  /** Drops a file on the drop zone (a real DataTransfer carrying a File). */
  async dropFile(name: string, content: string): Promise<void> {
    const dataTransfer = await this.page.evaluateHandle(
      ([n, c]) => {
        const dt = new DataTransfer();
        dt.items.add(new File([c], n, { type: 'text/csv' }));
        return dt;
      },
      [name, content] as const,
    );
    const zone = this.page.getByTestId('data.drop');
    await zone.dispatchEvent('dragover', { dataTransfer });
    await zone.dispatchEvent('drop', { dataTransfer });
  }

  /** Retries a failed import with the (edited) text. */
  async retryImport(): Promise<void> {
    await this.page.getByTestId('data.importError.retry').click();
  }
}
