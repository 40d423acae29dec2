import { Link, Outlet } from 'react-router-dom';
import { useHotNotes } from '../../features/talks/use-hot-notes';

export function RootLayout() {
  useHotNotes();
  return (
    <div className="mx-auto min-h-screen max-w-3xl px-4 py-6 text-slate-900">
      <header className="mb-6 border-b border-slate-200 pb-4">
        <Link to="/" className="text-2xl font-bold tracking-tight hover:underline">
          Lanyard
        </Link>
      </header>
      <main>
        <Outlet />
      </main>
    </div>
  );
}
