/** Resolves when the process is asked to stop (Ctrl-C or SIGTERM): long-lived commands serve until then. */
export function interrupted(): Promise<void> {
  return new Promise<void>((done) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      done();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
