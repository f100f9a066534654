import type { Io } from '../../src/cli/io.js';

/** An Io that keeps what a command prints, for running `main([...], io)` and commands in-process. */
export function captureIo(cwd: string): Io & { out: string; err: string } {
  const io = {
    out: '',
    err: '',
    isTTY: false,
    cwd,
    stdout: (text: string) => void (io.out += text),
    stderr: (text: string) => void (io.err += text),
  };
  return io;
}
