// The project-file reader and writer (and the validators behind them: diagrams, recordings, what-if
// results, import limits) load on first import or export, not with the first render (bundle budget).
const projectFile = () => import('../model/projectFile.ts');
import { ProjectFileError } from '../model/ProjectFileError.ts';
import { projectDocumentOf } from '../store/selectors.ts';
import { studioStore } from '../store/studioStore.ts';
import { adoptImportedProject } from './projectActions.ts';
import { notify } from './uiActions.ts';

/** A file name from a project name (`COVID-19 (stochastic SIR)` → `covid-19-stochastic-sir.gsim.json`). */
function fileNameOf(name: string): string {
  const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'project';
  return `${slug}.gsim.json`;
}

/** Downloads the open project (document, code versions, runs) as one JSON file. */
export async function exportProject(): Promise<void> {
  const s = studioStore.getState();
  const project = projectDocumentOf(s);
  if (!project) return;
  const { toProjectFile } = await projectFile();
  const file = toProjectFile({ project, versions: s.versions, runs: s.runs }, Date.now());
  const blob = new Blob([JSON.stringify(file)], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileNameOf(project.name);
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Largest project file read: parsing it happens on the page's thread (a 100 MB dataset inside is fine). */
const MAX_PROJECT_FILE_BYTES = 300_000_000;

/**
 * Imports a project file as a new project; on a problem, says where it is and changes nothing.
 * @param file a `.gsim.json` export.
 */
export async function importProjectFile(file: File): Promise<boolean> {
  if (file.size > MAX_PROJECT_FILE_BYTES) {
    notify('error', `${file.name} is ${(file.size / 1e6).toFixed(0)} MB; a project file may be at most ${MAX_PROJECT_FILE_BYTES / 1e6} MB.`);
    return false;
  }
  let json: unknown;
  try {
    json = JSON.parse(await file.text());
  } catch (e) {
    notify('error', `${file.name} is not valid JSON: ${e instanceof Error ? e.message : String(e)}`);
    return false;
  }
  try {
    const { parseProjectFile } = await projectFile();
    await adoptImportedProject(parseProjectFile(json));
    notify('info', `Imported project from ${file.name}.`);
    return true;
  } catch (e) {
    if (!(e instanceof ProjectFileError)) throw e;
    notify('error', `Could not import ${file.name}. At ${e.message}`);
    return false;
  }
}
