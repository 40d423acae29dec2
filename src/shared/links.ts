/**
 * The host a link points at, as the notes show it (`www.example.org:8080`), or with `bare` as links
 * are grouped by site (`example.org`: no `www.`, no port). The text itself when it is not a URL.
 */
export function hostOf(url: string, { bare = false } = {}): string {
  try {
    const { host, hostname } = new URL(url);
    return bare ? hostname.replace(/^www\./, '') : host;
  } catch {
    return url;
  }
}
