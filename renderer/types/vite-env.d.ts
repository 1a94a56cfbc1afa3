// Vite's asset imports used by the renderer: `?url` gives the emitted file's URL.
declare module '*?url' {
  const url: string
  export default url
}
