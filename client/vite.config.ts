/// <reference types="vitest/config" />
import { fileURLToPath, URL } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { brandIcons } from './vite-plugins/brand-icons';

const backend = 'http://127.0.0.1:5080';

export default defineConfig({
  plugins: [react(), brandIcons()],
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  server: {
    proxy: {
      '/api': backend,
      '/v1': backend,
      '/health': backend,
    },
  },
  preview: {
    proxy: {
      '/api': backend,
      '/v1': backend,
      '/health': backend,
    },
  },
  build: {
    outDir: '../src/WebApi/wwwroot',
    emptyOutDir: true,
    sourcemap: false,
    target: 'es2022',
  },
  test: {
    environment: 'jsdom',
    globals: true,
    setupFiles: ['./src/testing/setup-tests.ts'],
    css: false,
    restoreMocks: true,
  },
});
