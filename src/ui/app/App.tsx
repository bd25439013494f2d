export function App() {
  return (
    <main>
      <h1>Synthtab</h1>
      <p>Synthetic tables, trained on your own GPU. Your data never leaves this machine.</p>
    </main>
  );
}
