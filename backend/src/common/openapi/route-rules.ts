import type { INestApplication, Type } from '@nestjs/common';
import { METHOD_METADATA } from '@nestjs/common/constants';
import { ModulesContainer, Reflector } from '@nestjs/core';
import type { ErrorCode } from '../../contract';
import { ADMIN_ONLY, ANY_CREDENTIAL, IS_PUBLIC, SCOPE_GROUP, SESSION_ONLY, TOKEN_SELF } from '../decorators/auth.decorators';
import { API_ERROR_CODES } from './api-error-responses.decorator';

// @nestjs/swagger's metadata keys (its constants module is not exported).
const API_OPERATION = 'swagger/apiOperation';
const API_TAGS = 'swagger/apiUseTags';

/** Who may call one route and what else it declares: read from the same metadata the AuthGuard reads. */
export interface RouteRules {
  controller: string;
  method: string;
  tag: string;
  isPublic: boolean;
  /** A PAT is refused with SESSION_REQUIRED (@SessionOnly, or no scope group: closed by default). */
  sessionOnly: boolean;
  /** @AdminOnly: a member's session is refused too (ADMIN_REQUIRED). */
  adminOnly: boolean;
  /** A PAT needs a scope (its group's level, or the @TokenSelf scope). */
  needsScope: boolean;
  /** @TokenSelf: a session is refused by the handler with TOKEN_REQUIRED. */
  tokenSelf: boolean;
  /** Extra codes from @ApiErrorResponses. */
  codes: ErrorCode[];
}

/** `ApiTokensController` -> `ApiTokens`. */
export function resourceOf(controller: string): string {
  return controller.replace(/Controller$/, '');
}

/** `ApiTokensController` -> `api-tokens`: the default tag of a controller without @ApiTags. */
export function tagOf(controller: string): string {
  return resourceOf(controller).replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
}

/**
 * The naming rule for operationIds when a route declares none in `@ApiOperation({ operationId })`:
 * the method's name when it already reads as verb + noun (`rotateSecret`), else the method's name
 * and the controller's resource (`list` on AdminUsersController -> `listAdminUsers`).
 */
export function defaultOperationId(controller: string, method: string): string {
  return /[A-Z]/.test(method) ? method : `${method}${resourceOf(controller)}`;
}

/** operationId -> the rules of the route it names. */
export function routeRules(app: INestApplication): Map<string, RouteRules> {
  const reflector = new Reflector();
  const rules = new Map<string, RouteRules>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as Type<unknown> | null;
      if (!controller?.prototype) continue;
      for (const name of Object.getOwnPropertyNames(controller.prototype)) {
        const handler = (controller.prototype as Record<string, unknown>)[name];
        if (typeof handler !== 'function' || Reflect.getMetadata(METHOD_METADATA, handler) === undefined) continue;
        const targets = [handler, controller];
        const group = reflector.getAllAndOverride<string | undefined>(SCOPE_GROUP, targets);
        const self = reflector.getAllAndOverride<string | undefined>(TOKEN_SELF, targets);
        const anyCredential = reflector.getAllAndOverride<boolean>(ANY_CREDENTIAL, targets) ?? false;
        const declared = (Reflect.getMetadata(API_OPERATION, handler) as { operationId?: string } | undefined)?.operationId;
        const tags = (Reflect.getMetadata(API_TAGS, controller) as string[] | undefined) ?? [];
        rules.set(declared ?? defaultOperationId(controller.name, name), {
          controller: controller.name,
          method: name,
          tag: tags[0] ?? tagOf(controller.name),
          isPublic: reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets) ?? false,
          // The same reading of the metadata as AuthGuard.canActivate.
          sessionOnly: !anyCredential && self === undefined && (reflector.getAllAndOverride<boolean>(SESSION_ONLY, targets) || !group),
          adminOnly: reflector.getAllAndOverride<boolean>(ADMIN_ONLY, targets) ?? false,
          needsScope: self !== undefined ? self !== 'any' : !anyCredential && Boolean(group),
          tokenSelf: self !== undefined,
          codes: reflector.getAllAndOverride<ErrorCode[]>(API_ERROR_CODES, targets) ?? [],
        });
      }
    }
  }
  return rules;
}
