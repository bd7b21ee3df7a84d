import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

export default defineConfig({
  // Relative asset paths: the server may mount the page anywhere.
  base: './',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // MapLibre and deck.gl are large by nature; one chunk each keeps caching simple.
    chunkSizeWarningLimit: 2500,
    rollupOptions: {
      output: {
        manualChunks: { maplibre: ['maplibre-gl'], deck: ['@deck.gl/core', '@deck.gl/layers', '@deck.gl/mapbox'] },
      },
    },
  },
  // The basemap lives in the repository's data/ folder, outside this package.
  server: { fs: { allow: [repoRoot] }, proxy: { '/api': { target: 'http://127.0.0.1:8080', ws: true } } },
});
