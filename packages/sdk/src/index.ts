export { createTesseraClient, type ClientOptions, type TesseraClient } from './client.js';
export { createVerifier, type Scope, type Verification, type Verifier, type VerifierOptions, type VerifyOptions, type VerifyResult } from './verifier.js';
export { ERROR_STATUS, errorBody, TesseraError, type ErrorBody, type ErrorCode } from './errors.js';
export { admit, resolveVerifier, type Admission, type Requirement, type RequireTokenOptions } from './require-token.js';
export type { components, operations, paths } from './generated/schema.js';
