// Resolved by playground/build.mjs: frontend/App.tsx once it exists, AppPlaceholder.tsx before.
declare module 'playground:extension-app' {
  export function App(): JSX.Element | null;
}
