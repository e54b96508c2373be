import { Injectable } from '@nestjs/common';

/**
 * The time the token decision runs on (expiry, quota refill periods). One provider, so a test can
 * move it (`app.get(UsageClock).now = () => …`) and watch a quota refill at a UTC boundary.
 */
@Injectable()
export class UsageClock {
  now(): number {
    return Date.now();
  }
}
