// Builds the CLI bundle once so tests that run `bin/lake.js` as a real process use the current sources, and gives the
// run its own temporary folder: every test's mkdtemp (lakes, projects, synthesized stacks of ~90 MB each) lands in it,
// and it is removed when the run ends, so repeated runs do not fill the disk (a day of runs left 52 GB in /tmp). The
// dialect tests' queries are recorded for the Trino oracle (tests/trino/record-setup.ts), stamped when the run was whole.
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { finishRecording, startRecording } from './trino/recorded.js';

export default function setup(): () => void {
  execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
  const runTmp = mkdtempSync(join(tmpdir(), 'lake-test-run-'));
  // Like /tmp itself (sticky, world-writable): tests run the CLI as an unprivileged user in folders of their own here.
  chmodSync(runTmp, 0o1777);
  // Workers (forks) and the processes they start inherit TMPDIR, which os.tmpdir() reads on every call.
  process.env.TMPDIR = runTmp;
  startRecording();
  return () => {
    rmSync(runTmp, { recursive: true, force: true });
    finishRecording();
  };
}
