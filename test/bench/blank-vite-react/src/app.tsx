import { useState } from 'react';

// The `npm create vite@latest -- --template react-ts` starter page, less its logo images: the
// yardstick the first-load benchmark compares Kenshu's pages against.
export default function App() {
  const [count, setCount] = useState(0);
  return (
    <>
      <h1>Vite + React</h1>
      <div className="card">
        <button onClick={() => setCount((c) => c + 1)}>count is {count}</button>
        <p>
          Edit <code>src/App.tsx</code> and save to test HMR
        </p>
      </div>
      <p className="read-the-docs">Click on the Vite and React logos to learn more</p>
    </>
  );
}
