/** How an export names the site's pages: absolute URLs, since an exported file lives outside the site. */
export interface ExportLinks {
  /** The site's name, e.g. "Fine-Tuning Cards". */
  siteName: string;
  /** Absolute URL of a site path such as `cards/qlora/`. */
  url: (path: string) => string;
  /** Display name of a topic id. */
  topicTitle: (id: string) => string;
}
