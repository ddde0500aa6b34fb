// Vite's `?worker&url` import: the address of the separately built script
// (the recorder's AudioWorklet module). The client's tsconfig loads no
// vite/client types, so the one suffix used is declared here.
declare module '*?worker&url' {
  const url: string;
  export default url;
}
