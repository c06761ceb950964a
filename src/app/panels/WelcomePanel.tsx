import { listEnvironments } from '../../core/envs/environments.ts';
import { createBenchmarkProject, createBlankProject } from '../actions/projectActions.ts';
import { tourEvent } from '../tour/tourActions.ts';

const BLURBS: Record<string, string> = {
  covid: 'Stochastic SIR epidemic: S, I, R over 60 days. Two parameters.',
  'supply-chain': 'Single-stage beer game: inventory, backlog and pipeline under ordering.',
  hospital: 'ICU and standard bed occupancy under three diseases.',
};

/** First screen when no project exists: pick a benchmark or start blank. */
export function WelcomePanel() {
  return (
    <div className="welcome" data-testid="welcome">
      <div className="stack">
        <h1>Build a simulator from knowledge and data</h1>
        <p className="muted" style={{ maxWidth: '72ch' }}>
          Describe a system, import observed trajectories, write (or paste an LLM's) simulator program, calibrate its parameters
          without gradients, and check it against held-out data. Start from one of the paper's benchmarks — they come with data and a
          ground truth — or from a blank project.
        </p>
        <p>
          <button className="btn primary" type="button" data-testid="welcome.tour" onClick={() => tourEvent({ type: 'start' })}>
            New here? Take the guided tour (2 minutes, no API key)
          </button>
        </p>
      </div>
      <div className="template-grid">
        {listEnvironments().map((env) => (
          <button key={env.id} type="button" className="template" data-testid={`welcome.${env.id}`} onClick={() => void createBenchmarkProject(env.id)}>
            <strong>{env.title}</strong>
            <span>{BLURBS[env.id] ?? ''}</span>
            <span className="badge">benchmark · {env.variables.join(', ')}</span>
          </button>
        ))}
        <button type="button" className="template" data-testid="welcome.blank" onClick={() => void createBlankProject()}>
          <strong>Blank project</strong>
          <span>Your own system: write the knowledge, import CSV or JSON trajectories, write the program.</span>
          <span className="badge">no data yet</span>
        </button>
      </div>
    </div>
  );
}
