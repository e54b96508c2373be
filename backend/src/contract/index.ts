// Pure TypeScript with no imports outside this folder: the panel imports it too.
export * from './scopes';
export * from './error-codes';
export * from './token-state';
export * from './ip-entry';
export * from './audit';
export * from './policy';
export * from './applications';
export * from './admin';
