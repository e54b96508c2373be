import type { onResponseHookHandler, preValidationHookHandler, RouteOptions } from 'fastify';

/**
 * Adds `hook` to one route's own hooks of that name, after any it already has. Used from an
 * `onRoute` hook for work that depends on the route: decided once, when the route is registered,
 * instead of reading `request.routeOptions` (a fresh object on every read) on every call.
 */
export function appendRouteHook(route: RouteOptions, name: 'preValidation', hook: preValidationHookHandler): void;
export function appendRouteHook(route: RouteOptions, name: 'onResponse', hook: onResponseHookHandler): void;
export function appendRouteHook(route: RouteOptions, name: 'preValidation' | 'onResponse', hook: unknown): void {
  const existing: unknown = route[name];
  (route as unknown as Record<string, unknown>)[name] = existing === undefined ? [hook] : [...[existing].flat(), hook];
}
