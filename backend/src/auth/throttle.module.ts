import { Module } from '@nestjs/common';
import { LoginThrottle } from './login-throttle';
import { ThrottleStore } from './throttle-store';
import { throttleStoreProvider } from './throttle-store.provider';

/**
 * The throttling counters (in process, or in Redis for every instance), for everything that
 * guesses: sign-in, every other password check, sign-up, and failed PAT attempts.
 */
@Module({ providers: [LoginThrottle, throttleStoreProvider], exports: [LoginThrottle, ThrottleStore] })
export class ThrottleModule {}
