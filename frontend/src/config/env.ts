/**
 * The build's settings, checked once at start-up: a wrong value stops the app with a clear
 * message rather than failing on the first request.
 */
function readApiUrl(value: string | undefined): string {
  const url = (value ?? '/api/v1').replace(/\/+$/, '');
  if (!url.startsWith('/') && !/^https?:\/\//.test(url)) {
    throw new Error(`VITE_API_URL must be a path or an http(s) URL, got "${url}"`);
  }
  return url;
}

export const env = {
  API_URL: readApiUrl(import.meta.env.VITE_API_URL),
} as const;

/** An absolute or same-origin URL of the API, for what Axios does not fetch (images, feeds, streams). */
export function apiUrl(path: string): string {
  return `${env.API_URL}${path}`;
}
