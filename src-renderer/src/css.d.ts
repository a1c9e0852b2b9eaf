// Stylesheets are bundled by Vite; importing one only has a side effect.
declare module '*.css'
