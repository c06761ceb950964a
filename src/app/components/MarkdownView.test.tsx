import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { MarkdownView } from './MarkdownView.tsx';

afterEach(cleanup);

describe('MarkdownView', () => {
  it('renders headings, lists and inline code', () => {
    const { container } = render(<MarkdownView text={'# Title\n\nSome `code` and **bold**.\n\n- a\n- b'} />);
    expect(container.querySelector('h2')?.textContent).toBe('Title');
    expect(container.querySelectorAll('li')).toHaveLength(2);
    expect(container.querySelector('code')?.textContent).toBe('code');
    expect(container.querySelector('strong')?.textContent).toBe('bold');
  });

  it('never passes HTML through (imported knowledge cannot inject script)', () => {
    const { container } = render(<MarkdownView text={'<img src=x onerror="alert(1)"> <script>alert(2)</script>'} />);
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('script')).toBeNull();
    expect(container.textContent).toContain('<img');
  });
});
