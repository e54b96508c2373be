import { SetMetadata } from '@nestjs/common';
import type { ErrorCode } from '../../contract';

export const API_ERROR_CODES = 'tessera:apiErrorCodes';

/**
 * Error codes a route answers beyond the ones that follow from its metadata (see
 * `documentErrorResponses`), e.g. `@ApiErrorResponses('TOKEN_LIMIT_REACHED', 'INVALID_STATE')`.
 * Each becomes an example of the shared error shape under its status in the OpenAPI document.
 */
export const ApiErrorResponses = (...codes: ErrorCode[]) => SetMetadata(API_ERROR_CODES, codes);
