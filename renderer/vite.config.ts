// Builds the workstation UI: `vite build --config renderer/vite.config.ts` → renderer/dist.
// `base: './'` makes every asset URL relative, so the same bundle loads from Electron's custom protocol
// (app://…) and from the browser-mode host at any path.
// eslint-disable-next-line no-restricted-imports -- the build config runs in Node, not in the renderer
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'

const root = fileURLToPath(new URL('.', import.meta.url))

export default defineConfig({
  root,
  base: './',
  // Single-file components compile their templates ahead of time, so the CSP needs no 'unsafe-eval'.
  plugins: [vue()],
  define: {
    __VUE_OPTIONS_API__: 'false',
    __VUE_PROD_DEVTOOLS__: 'false',
    __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
    __INTLIFY_PROD_DEVTOOLS__: 'false',
    __INTLIFY_JIT_COMPILATION__: 'true',
    __INTLIFY_DROP_MESSAGE_COMPILER__: 'false',
  },
  resolve: {
    // The esm-bundler build of vue-i18n compiles messages without eval (JIT), which a strict CSP needs.
    alias: { 'vue-i18n': 'vue-i18n/dist/vue-i18n.mjs' },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'chrome120',
    sourcemap: true,
    chunkSizeWarningLimit: 2500,
    rollupOptions: {
      input: {
        index: fileURLToPath(new URL('index.html', import.meta.url)),
        bare: fileURLToPath(new URL('bench/bare.html', import.meta.url)),
        heatmap: fileURLToPath(new URL('bench/heatmap.html', import.meta.url)),
        cases: fileURLToPath(new URL('bench/cases.html', import.meta.url)),
      },
    },
  },
  server: { port: 5174, strictPort: false },
})
