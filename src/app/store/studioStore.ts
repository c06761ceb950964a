import { createStore } from 'zustand/vanilla';
import { createCodeSlice, type CodeSlice } from './codeSlice.ts';
import { createDataSlice, type DataSlice } from './dataSlice.ts';
import { createDiagramSlice, type DiagramSlice } from './diagramSlice.ts';
import { createLoopSlice, type LoopSlice } from './loopSlice.ts';
import { createProjectSlice, type ProjectSlice } from './projectSlice.ts';
import { createReplaySlice, type ReplaySlice } from './replaySlice.ts';
import { createRunsSlice, type RunsSlice } from './runsSlice.ts';
import { createScenarioSlice, type ScenarioSlice } from './scenarioSlice.ts';
import { createSettingsSlice, type SettingsSlice } from './settingsSlice.ts';
import { createUiSlice, type Theme, type UiSlice } from './uiSlice.ts';

/** The whole studio state: one vanilla store made of slices (style P4). */
export type StudioState = ProjectSlice & CodeSlice & DataSlice & RunsSlice & UiSlice & LoopSlice & SettingsSlice & ReplaySlice & ScenarioSlice & DiagramSlice;

/** A fresh state, e.g. for tests. */
export function createInitialState(theme?: Theme): StudioState {
  return {
    ...createProjectSlice(),
    ...createCodeSlice(),
    ...createDataSlice(),
    ...createRunsSlice(),
    ...createUiSlice(theme),
    ...createLoopSlice(),
    ...createSettingsSlice(),
    ...createReplaySlice(),
    ...createScenarioSlice(),
    ...createDiagramSlice(),
  };
}

/** Creates a studio store. The app uses the {@link studioStore} singleton; tests may make their own. */
export function createStudioStore(theme?: Theme) {
  return createStore<StudioState>()(() => createInitialState(theme));
}

export type StudioStore = ReturnType<typeof createStudioStore>;

function initialTheme(): Theme {
  const t = typeof document !== 'undefined' ? document.documentElement.dataset.theme : undefined;
  return t === 'dark' ? 'dark' : 'light';
}

/**
 * The app's store. Actions (src/app/actions) are plain module functions that call
 * `studioStore.setState`, so worker callbacks and non-React code can use them without hooks.
 */
export const studioStore: StudioStore = createStudioStore(initialTheme());
