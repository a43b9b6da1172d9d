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
