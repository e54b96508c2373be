export const REDIRECT_PARAM = 'redirect';

/** Only same-app paths: `//evil.example` or `https://…` would turn sign-in into an open redirect. */
export function safeRedirectTarget(candidate: string | null): string {
  if (!candidate || !candidate.startsWith('/') || candidate.startsWith('//') || candidate.startsWith('/\\')) return '/';
  return candidate;
}

export function signInPathReturningTo(currentPath: string): string {
  if (currentPath === '/' || currentPath === '') return '/sign-in';
  return `/sign-in?${REDIRECT_PARAM}=${encodeURIComponent(currentPath)}`;
}
