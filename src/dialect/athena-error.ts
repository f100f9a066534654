// A statement Athena itself rejects with an error code (MISSING_COLUMN_NAME…), found while translating. The dialect
// knows no engine: the local engine reports it as an EngineError with the same code and message.
import { LakeError } from '../errors.js';

export class AthenaCodedError extends LakeError {
  override readonly name: string = 'AthenaCodedError';
  constructor(code: string, message: string) {
    super(`${code}: ${message}`, { code });
  }
}
