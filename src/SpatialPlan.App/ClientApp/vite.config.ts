import { defineConfig } from 'vite';

// The bundle goes to ../wwwroot, which ASP.NET Core serves. `npm run build` is run by MSBuild
// (see SpatialPlan.App.csproj); `npx vite` serves it live and forwards /api to a running app.
export default defineConfig({
  base: '/',
  build: {
    outDir: '../wwwroot',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1200,
    assetsInlineLimit: 0,
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:5000' },
  },
});
