import { applyDecorators, Header } from '@nestjs/common';

/**
 * On every route whose answer carries a plaintext secret (a new token, a webhook signing key):
 * no browser, proxy or CDN may keep a copy (`Cache-Control: no-store`; `Pragma: no-cache` for
 * HTTP/1.0 caches). Set with Nest's own @Header, so it holds on any HTTP adapter.
 */
export const ReturnsSecret = () => applyDecorators(Header('Cache-Control', 'no-store'), Header('Pragma', 'no-cache'));
