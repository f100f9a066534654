/** Where a command writes. Injected so commands run in-process in tests and print nowhere else. */
export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Whether stdout is an interactive terminal (progress displays only draw there). */
  isTTY: boolean;
  cwd: string;
}

export const processIo = (): Io => ({
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  isTTY: Boolean(process.stdout.isTTY),
  cwd: process.cwd(),
});
