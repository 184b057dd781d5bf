import { useEffect } from 'react';
import { useLocation } from 'react-router';

/** New pages start at the top (hash links still jump to their anchor). */
export function ScrollToTop() {
  const { pathname, hash } = useLocation();
  useEffect(() => {
    if (!hash) window.scrollTo({ top: 0 });
  }, [pathname, hash]);
  return null;
}
