const STORAGE_KEY = 'copro.session';

type StoredToken = { accessToken: string; expiresAt: number };
type Listener = () => void;

const listeners = new Set<Listener>();

function read(): StoredToken | null {
  try {
    const raw = localStorage.getItem(STORAGE_KEY);
    if (!raw) return null;
    const stored = JSON.parse(raw) as Partial<StoredToken>;
    if (typeof stored.accessToken !== 'string' || typeof stored.expiresAt !== 'number') return null;
    return stored as StoredToken;
  } catch {
    return null;
  }
}

/** The bearer token, or null when there is none or it has expired. */
export function getAccessToken(): string | null {
  const stored = read();
  if (!stored) return null;
  if (stored.expiresAt <= Date.now()) {
    localStorage.removeItem(STORAGE_KEY);
    return null;
  }
  return stored.accessToken;
}

export function storeAccessToken(accessToken: string, expiresInSeconds: number): void {
  const stored: StoredToken = { accessToken, expiresAt: Date.now() + expiresInSeconds * 1000 };
  localStorage.setItem(STORAGE_KEY, JSON.stringify(stored));
}

export function clearAccessToken(): void {
  const hadToken = read() !== null;
  localStorage.removeItem(STORAGE_KEY);
  if (hadToken) listeners.forEach((listener) => listener());
}

/** Called when the token is dropped, e.g. because the API rejected it. */
export function onAccessTokenCleared(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
