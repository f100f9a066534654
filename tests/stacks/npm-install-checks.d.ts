// npm's platform check ships without types; what the DuckDB test uses.
declare module 'npm-install-checks' {
  export const currentEnv: { os(): string; cpu(): string; libc(os: string): string | undefined };
  export function checkPlatform(
    target: { name?: string; os?: string[]; cpu?: string[]; libc?: string[] },
    force?: boolean,
    environment?: { os?: string; cpu?: string; libc?: string },
  ): void;
}
