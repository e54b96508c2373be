import { setupServer } from 'msw/node';

/** One HTTP mock for the whole unit suite; each test adds the answers it needs with `server.use`. */
export const server = setupServer();
