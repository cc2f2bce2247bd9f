/**
 * Where a user-supplied `redirectTo` (log in, set language, …) may send
 * someone: only somewhere on this site. The one function for every redirect
 * that takes user input.
 *
 * The value is resolved with the URL parser against the site's own origin
 * and refused unless it stays on it. Tabs, newlines, other control
 * characters and backslashes are refused before parsing: browsers drop the
 * first and read the last as a slash, so `/\t/evil.example` and
 * `/\evil.example` reached another host through a check that looked at
 * the text.
 */

// Any origin of ours would do for resolving: only whether the value leaves it matters.
const SITE = 'http://jobbro.invalid';
const FORBIDDEN = /[\u0000-\u001F\u007F-\u009F\\]/;

/**
 * The site-relative path (with query and fragment) that `value` names, or
 * `fallback` when it is missing, malformed, or would leave the site.
 * `siteOrigin` (the request's origin) lets an absolute URL of the site itself
 * through, as a path.
 */
export function safeRedirectPath(value: unknown, fallback = '/', siteOrigin: string = SITE): string {
  if (typeof value !== 'string' || value.trim() === '' || FORBIDDEN.test(value)) return fallback;
  let base: URL;
  let target: URL;
  try {
    base = new URL(siteOrigin);
    target = new URL(value, base);
  } catch {
    return fallback;
  }
  if (target.origin !== base.origin || (target.protocol !== 'http:' && target.protocol !== 'https:')) return fallback;
  // `/.//evil.example` resolves to the path `//evil.example`, which a browser reads as another host.
  if (target.pathname.startsWith('//')) return fallback;
  return `${target.pathname}${target.search}${target.hash}`;
}
