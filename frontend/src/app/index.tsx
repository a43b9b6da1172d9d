import { AppRouter } from '@/app/router';
import { SessionProvider } from '@/features/auth/components/session-provider';

export function App() {
  return (
    <SessionProvider>
      <AppRouter />
    </SessionProvider>
  );
}
