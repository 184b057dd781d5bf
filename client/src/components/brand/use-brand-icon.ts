import { useEffect, useState } from 'react';

const cache = new Map<string, Promise<string | null>>();

export function normalizeSlug(logoKey: string | null | undefined): string | null {
  if (!logoKey) return null;
  const slug = logoKey.trim().toLowerCase();
  return /^[a-z0-9-]{1,64}$/.test(slug) ? slug : null;
}

/** Extracts the single path of a simple-icons SVG (24×24 viewBox). */
export function extractIconPath(svg: string): string | null {
  if (!svg.includes('<svg')) return null;
  const match = /<path[^>]*\sd="([^"]+)"/.exec(svg);
  return match ? match[1] : null;
}

export function loadBrandIcon(slug: string): Promise<string | null> {
  let pending = cache.get(slug);
  if (!pending) {
    pending = fetch(`/brand-icons/${slug}.svg`)
      .then((res) => (res.ok ? res.text() : null))
      .then((text) => (text ? extractIconPath(text) : null))
      .catch(() => null);
    cache.set(slug, pending);
  }
  return pending;
}

/**
 * The SVG path of a company's simple-icons logo, fetched on demand from /brand-icons.
 * `undefined` while loading, `null` when there is none (then draw a monogram).
 */
export function useBrandIcon(logoKey: string | null | undefined): string | null | undefined {
  const slug = normalizeSlug(logoKey);
  const [state, setState] = useState<{ slug: string | null; path: string | null | undefined }>({
    slug,
    path: slug ? undefined : null,
  });

  useEffect(() => {
    let live = true;
    if (!slug) {
      setState({ slug, path: null });
      return;
    }
    setState((prev) => (prev.slug === slug ? prev : { slug, path: undefined }));
    loadBrandIcon(slug).then((path) => {
      if (live) setState({ slug, path });
    });
    return () => {
      live = false;
    };
  }, [slug]);

  return state.slug === slug ? state.path : slug ? undefined : null;
}

/** Up to two letters standing for a name: "Mistral AI" → "MA", "openai" → "OP". */
export function monogram(name: string): string {
  const words = name
    .replace(/[^\p{L}\p{N}\s]/gu, ' ')
    .split(/\s+/)
    .filter(Boolean);
  if (words.length === 0) return '?';
  if (words.length === 1) return words[0].slice(0, 2).toUpperCase();
  return (words[0][0] + words[1][0]).toUpperCase();
}
