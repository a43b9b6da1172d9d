import type { AxiosResponse } from 'axios';

/** The name the server gives the file (`Content-Disposition`), or ours when it gives none. */
function fileName(disposition: unknown, fallback: string): string {
  const found = typeof disposition === 'string' ? /filename="?([^";]+)"?/.exec(disposition) : null;
  return found?.[1] ?? fallback;
}

/**
 * Hands a file fetched by the API client to the browser to save, under the server's name for
 * it; answers that name. A plain link cannot carry the bearer token, hence the round trip.
 */
export function saveAnswer(response: AxiosResponse<Blob>, fallback: string): string {
  const name = fileName(response.headers['content-disposition'], fallback);
  const url = URL.createObjectURL(response.data);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  // The browser has the file once the click is handled; the URL can go soon after.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return name;
}
