import { Injectable } from '@nestjs/common';
import { AppException, validationFailed } from '../common/app-exception';
import { hasValidChecksum, SERVICE_KEY_PREFIX } from '../api-tokens/token-format';
import { TokenVerifier } from '../api-tokens/token-verifier';
import { SERVICE_KEY_INVALID_MESSAGE, ServiceKeyAuth } from '../applications/service-key-auth';
import type { ErrorCode } from '../contract';

/** Most matched values one TruffleHog verification may carry. */
const MAX_VALUES = 100;

/**
 * TruffleHog's custom detector verification: it POSTs `{"<detector>": {"<regex name>": ["match", …]}}`
 * and takes a 200 as "verified", anything else as unverified. Answers 200 when one of the values
 * is a token or a service key that works now; otherwise the refusal code with its catalogue status (401). Nothing is charged or recorded
 * (the verify API would count a use), and nothing is revoked: scanning your own code is not a report.
 */
@Injectable()
export class TrufflehogVerify {
  constructor(
    private readonly verifier: TokenVerifier,
    private readonly serviceKeys: ServiceKeyAuth,
  ) {}

  async verify(body: unknown): Promise<{ verified: true }> {
    const values = valuesOf(body);
    let refusal: { code: ErrorCode; message: string } = { code: 'TOKEN_INVALID', message: 'None of the values is a valid token' };
    for (const value of values) {
      if (hasValidChecksum(value, SERVICE_KEY_PREFIX)) {
        if (await this.serviceKeys.isLive(value)) return { verified: true };
        refusal = { code: 'SERVICE_KEY_INVALID', message: SERVICE_KEY_INVALID_MESSAGE };
        continue;
      }
      if (!hasValidChecksum(value)) continue;
      const check = await this.verifier.check(value);
      if (check.ok) return { verified: true };
      refusal = { code: check.code, message: check.message };
    }
    throw new AppException(refusal.code, refusal.message);
  }
}

function valuesOf(body: unknown): string[] {
  const invalid = (field: string, message: string) => validationFailed([{ field, constraint: 'trufflehogPayload', message }]);
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw invalid('body', 'the body must be an object of detectors');
  const values: string[] = [];
  for (const [detector, matches] of Object.entries(body as Record<string, unknown>)) {
    if (!matches || typeof matches !== 'object' || Array.isArray(matches)) throw invalid(detector, 'each detector must map regex names to arrays of matches');
    for (const [name, list] of Object.entries(matches as Record<string, unknown>)) {
      if (!Array.isArray(list) || list.some((value) => typeof value !== 'string' || value.length > 200)) {
        throw invalid(`${detector}.${name}`, 'must be an array of strings of at most 200 characters');
      }
      values.push(...(list as string[]));
    }
  }
  if (values.length === 0 || values.length > MAX_VALUES) throw invalid('body', `the body must carry 1 to ${MAX_VALUES} matched values`);
  return values;
}
