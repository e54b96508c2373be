import type { ScopeLevel } from '../contract';

const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The scope level an HTTP method needs: reads for safe methods, write for everything else. */
export function levelForMethod(method: string): ScopeLevel {
  return READ_METHODS.has(method.toUpperCase()) ? 'read' : 'write';
}
