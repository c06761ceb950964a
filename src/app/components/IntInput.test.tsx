import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { IntInput } from './IntInput.tsx';

describe('IntInput', () => {
  it('rounds and clamps what is typed to [min, max]; an emptied field reads as 0, clamped', () => {
    const onChange = vi.fn();
    render(<IntInput label="Seed" value={5} min={1} max={10} testId="t.seed" onChange={onChange} />);
    const input = screen.getByTestId('t.seed');
    fireEvent.change(input, { target: { value: '7.6' } });
    fireEvent.change(input, { target: { value: '99' } });
    fireEvent.change(input, { target: { value: '-3' } });
    fireEvent.change(input, { target: { value: '' } });
    expect(onChange.mock.calls.map((c) => c[0])).toEqual([8, 10, 1, 1]);
  });
});
