// Global setup of the recording run (record.config.ts): the recording is stamped when the run ends (recorded.ts).
import { finishRecording, recordingIsCurrent } from './recorded.js';

export default function setup(): () => void {
  const reused = recordingIsCurrent();
  return () => {
    if (!reused) finishRecording();
  };
}
