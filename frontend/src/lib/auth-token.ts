const STORAGE_KEY = 'copro.session';

type StoredToken = { accessToken: string; expiresAt: number };

/** Why a session stopped: the visitor signed out, or the token expired or was refused. */
export type SessionEnd = 'signed-out' | 'expired';
type Listener = (reason: SessionEnd) => void;

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

/** The bearer token, or null when there is none or it has expired (then the session ends). */
export function getAccessToken(): string | null {
  const stored = read();
  if (!stored) return null;
  if (stored.expiresAt <= Date.now()) {
    endSession('expired');
    return null;
  }
  return stored.accessToken;
}

/** When the stored token stops being valid (ms since the epoch), or null without one. */
export function accessTokenExpiresAt(): number | null {
  return read()?.expiresAt ?? null;
}

export function storeAccessToken(accessToken: string, expiresInSeconds: number): void {
  const stored: StoredToken = { accessToken, expiresAt: Date.now() + expiresInSeconds * 1000 };
  localStorage.setItem(STORAGE_KEY, JSON.stringify(stored));
}

/** Forgets the token; listeners hear why, once, if there was one. */
export function endSession(reason: SessionEnd): void {
  const hadToken = read() !== null;
  localStorage.removeItem(STORAGE_KEY);
  if (hadToken) listeners.forEach((listener) => listener(reason));
}

export function onSessionEnded(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
