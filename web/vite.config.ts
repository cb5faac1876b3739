import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import type { AcceptedPlugin } from 'postcss';
import postcssPresetMantineUntyped from 'postcss-preset-mantine';

// The preset ships without types (`declare module` only); this is its documented signature.
const postcssPresetMantine = postcssPresetMantineUntyped as () => AcceptedPlugin;

// PostCSS is configured here rather than in postcss.config.* so the whole build setup is
// one typed file.
export default defineConfig({
  plugins: [react()],
  css: { postcss: { plugins: [postcssPresetMantine()] } },
  server: {
    host: '127.0.0.1',
    // ECOMDIR_API_URL points the dev proxy at a server on another port.
    proxy: { '/api': process.env.ECOMDIR_API_URL ?? 'http://127.0.0.1:8080' },
  },
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 1500 },
});
