// A statement Athena itself rejects with an error code (MISSING_COLUMN_NAME…), found while translating. The dialect
// knows no engine: the local engine reports it as an EngineError with the same code and message.
export class AthenaCodedError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(`${code}: ${message}`);
    this.name = 'AthenaCodedError';
  }
}
