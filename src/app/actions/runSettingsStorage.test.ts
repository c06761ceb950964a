import { describe, expect, it } from 'vitest';
import { DEFAULT_RUN_SETTINGS } from '../store/runsSlice.ts';
import { createStudioStore } from '../store/studioStore.ts';
import { persistRunSettings, readRunSettings } from './runSettingsStorage.ts';

describe('Calibrate settings kept in this browser', () => {
  it('a reload restores what was chosen', () => {
    localStorage.clear();
    const a = createStudioStore();
    const stop = persistRunSettings(a);
    a.setState({ settings: { ...a.getState().settings, method: 'cmaes', generations: 7, seed: 42 } });
    stop();
    const b = createStudioStore();
    persistRunSettings(b);
    expect(b.getState().settings).toMatchObject({ method: 'cmaes', generations: 7, seed: 42 });
  });

  it('keeps only known keys with the default\'s type; garbage gives the defaults', () => {
    expect(readRunSettings('{"generations":"many","popsize":30,"evil":1,"seed":null}')).toEqual({ ...DEFAULT_RUN_SETTINGS, popsize: 30 });
    expect(readRunSettings('not json')).toEqual(DEFAULT_RUN_SETTINGS);
    expect(readRunSettings(null)).toEqual(DEFAULT_RUN_SETTINGS);
  });
});
