// Builds the console into web/dist, which `yagura serve` serves; `npm run dev:web` proxies the API to a running server.
import { defineConfig } from 'vite';

export default defineConfig({
  root: import.meta.dirname,
  base: '/',
  oxc: { jsx: { runtime: 'automatic' } },
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true, chunkSizeWarningLimit: 1024 },
  server: {
    proxy: { '/api': process.env.YAGURA_URL ?? 'http://127.0.0.1:8080' },
  },
});
