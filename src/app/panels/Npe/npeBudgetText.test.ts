import { describe, expect, it } from 'vitest';
import { npeBudgetText } from './NpeSettingsFields.tsx';

describe('npeBudgetText', () => {
  it('advises the CLI’s budget when a program has more than 4 parameters and the run would use fewer simulations', () => {
    const text = npeBudgetText({ simulations: 500, estimator: 'maf', samples: 4000, provider: 'auto' }, 'converge', 12);
    expect(text).toMatch(/^Two rounds, each of 500 simulated copies/);
    expect(text).toContain('With 12 parameters to infer, 3,000 simulations per round are advised');
  });

  it('says nothing more for 4 parameters or fewer, or when the budget is already large enough', () => {
    for (const [sims, n] of [[500, 2], [500, 4], [3000, 12], [5000, 12]]) {
      const text = npeBudgetText({ simulations: sims, estimator: 'maf', samples: 4000, provider: 'auto' }, 'paper', n);
      expect(text, `${sims} simulations, ${n} parameters`).not.toContain('advised');
      expect(text).toContain(`${sims.toLocaleString('en-US')} simulated copies`);
    }
  });
});
