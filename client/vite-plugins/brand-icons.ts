import { createReadStream, existsSync, mkdirSync, readdirSync, copyFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Plugin, ResolvedConfig } from 'vite';

/**
 * Serves simple-icons' SVG files under /brand-icons/<slug>.svg.
 * Company logos are chosen at run time (Company.logoKey), so the whole set is
 * offered as static files and the browser fetches only the ones a page needs,
 * instead of bundling every icon into JavaScript.
 */
export function brandIcons(): Plugin {
  const require = createRequire(import.meta.url);
  const iconsDir = path.join(path.dirname(require.resolve('simple-icons')), 'icons');
  const slug = /^\/brand-icons\/([a-z0-9-]+)\.svg$/;
  let config: ResolvedConfig;

  return {
    name: 'oneai-brand-icons',
    configResolved(resolved) {
      config = resolved;
    },
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const match = slug.exec((req.url ?? '').split('?')[0]);
        if (!match) return next();
        const file = path.join(iconsDir, `${match[1]}.svg`);
        if (!existsSync(file)) {
          res.statusCode = 404;
          res.end();
          return;
        }
        res.setHeader('Content-Type', 'image/svg+xml');
        res.setHeader('Cache-Control', 'public, max-age=86400');
        createReadStream(file).pipe(res);
      });
    },
    closeBundle() {
      if (config.command !== 'build') return;
      const out = path.resolve(config.root, config.build.outDir, 'brand-icons');
      mkdirSync(out, { recursive: true });
      for (const name of readdirSync(iconsDir)) {
        if (name.endsWith('.svg')) copyFileSync(path.join(iconsDir, name), path.join(out, name));
      }
    },
  };
}
