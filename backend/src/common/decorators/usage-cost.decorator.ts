import { SetMetadata } from '@nestjs/common';

export const USAGE_COST = 'tessera:usageCost';
export const DEFAULT_USAGE_COST = 1;

/** Cost units a PAT call to this route charges to the token's quota (1 when not declared). */
export const UsageCost = (units: number) => SetMetadata(USAGE_COST, units);
