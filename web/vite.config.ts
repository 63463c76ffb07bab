import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * The web app: built to web/dist, which the server serves. In development `vite --config
 * web/vite.config.ts` proxies /api to a running `zhijian serve` (ZHIJIAN_API, default :8080).
 */
export default defineConfig({
  root,
  base: '/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Pages are split by React.lazy; echarts lands only in the chunks of pages that chart.
    chunkSizeWarningLimit: 1500,
    // scripts/bundle-size.ts reads the manifest to sum what the first load really fetches.
    manifest: true,
  },
  server: {
    proxy: { '/api': process.env.ZHIJIAN_API ?? 'http://127.0.0.1:8080' },
  },
});
