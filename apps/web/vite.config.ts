// Vite config: React, the dev proxy to the API server, and the production build into dist/.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The dev server only proxies; the API port is the one `pnpm dev` starts the server on.
const apiTarget = `http://127.0.0.1:${process.env.UCCN_API_PORT ?? 8080}`;

export default defineConfig({
  plugins: [react()],
  server: {
    port: 5173,
    proxy: {
      '/api': { target: apiTarget },
      '/collab': { target: apiTarget, ws: true },
      '/socket.io': { target: apiTarget, ws: true },
      '/healthz': { target: apiTarget },
      '/readyz': { target: apiTarget },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    // The editor chunk (~510 kB, ~160 kB gzipped) is the largest; it loads only on a document page.
    chunkSizeWarningLimit: 600,
    rolldownOptions: {
      output: {
        // Libraries change less often than the app: separate chunks stay cached across releases.
        codeSplitting: {
          groups: [
            {
              name: 'react',
              test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/,
            },
            {
              name: 'mantine',
              test: /node_modules[\\/](@mantine|@floating-ui|react-(?!dom|router|i18next)[a-z-]+)[\\/]/,
            },
            { name: 'vendor', test: /node_modules[\\/](@tanstack|i18next|react-i18next)/ },
            // The document editor's libraries (Tiptap, ProseMirror, Yjs), loaded with its page only.
            {
              name: 'editor',
              test: /node_modules[\\/](@tiptap|prosemirror-[a-z-]+|orderedmap|rope-sequence|w3c-keyname|linkifyjs|yjs|y-[a-z]+|lib0)[\\/]/,
            },
          ],
        },
      },
    },
  },
});
