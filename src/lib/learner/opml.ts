// An OPML 2.0 subscription list of feeds: the file feed readers import to subscribe to several feeds at once.

export interface OpmlFeed {
  title: string;
  /** Absolute feed URL. */
  xmlUrl: string;
  /** Absolute URL of the page the feed belongs to. */
  htmlUrl?: string;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
const attr = (s: string) => s.replace(/[&<>"']/g, (c) => ESCAPES[c] as string);

export function buildOpml(title: string, feeds: readonly OpmlFeed[], created: Date): string {
  const outlines = feeds.map(
    (f) =>
      `    <outline type="rss" text="${attr(f.title)}" title="${attr(f.title)}" xmlUrl="${attr(f.xmlUrl)}"${f.htmlUrl ? ` htmlUrl="${attr(f.htmlUrl)}"` : ''}/>`,
  );
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<opml version="2.0">',
    `  <head><title>${attr(title)}</title><dateCreated>${created.toUTCString()}</dateCreated></head>`,
    '  <body>',
    ...outlines,
    '  </body>',
    '</opml>',
    '',
  ].join('\n');
}
