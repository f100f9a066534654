import { wantsColor } from './color.js';

/** Where a command writes. Injected so commands run in-process in tests and print nowhere else. */
export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Whether stdout is an interactive terminal (progress displays only draw there). */
  isTTY: boolean;
  /** Width of the terminal stderr draws on (the progress bar), where known. */
  readonly columns?: number;
  cwd: string;
  /** Colour the human output (a terminal, NO_COLOR unset); absent: no colour. */
  color?: boolean;
  /** Standard input, for commands that read piped text (`echo "SELECT 1" | lake sql`); absent: nothing piped. */
  stdin?: { isTTY: boolean; read(): Promise<string> };
}

async function readProcessStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

export const processIo = (): Io => ({
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  isTTY: Boolean(process.stdout.isTTY),
  get columns() {
    return process.stderr.columns;
  },
  cwd: process.cwd(),
  color: wantsColor(Boolean(process.stdout.isTTY), process.env),
  stdin: { isTTY: Boolean(process.stdin.isTTY), read: readProcessStdin },
});
