/**
 * Links of a long list (the offers, the consultant's queue) as plain anchors
 * that share one navigate. React Router's <Link> runs its hooks for every
 * link (resolving the path against the route, the click handler, Remix's
 * prefetch behaviour): with 20–25 links in a list that was ≈ 6 % of the
 * page's server time and an eighth of what the page allocated. These
 * anchors resolve nothing (their hrefs are absolute) and navigate in the
 * app as <Link> does on a plain left click; any other click (new tab,
 * modifier keys) is the browser's, and without JavaScript they are links.
 */
import { useCallback, type MouseEvent } from 'react';
import { useNavigate } from '@remix-run/react';

export function useListNavigation(): (event: MouseEvent<HTMLAnchorElement>) => void {
  const navigate = useNavigate();
  return useCallback(
    (event: MouseEvent<HTMLAnchorElement>) => {
      if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.altKey || event.ctrlKey || event.shiftKey) return;
      const anchor = event.currentTarget;
      const href = anchor.getAttribute('href');
      if (!href?.startsWith('/') || (anchor.target && anchor.target !== '_self') || anchor.hasAttribute('download')) return;
      event.preventDefault();
      navigate(href);
    },
    [navigate],
  );
}
