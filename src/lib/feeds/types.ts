/** Feed data shared by the RSS and JSON Feed builders, so a feed and its JSON twin come from the same values. */

export interface FeedImage {
  /** Absolute URL of a GIF, JPEG or PNG (RSS readers); at most 144x400 px per RSS 2.0. */
  readonly url: string;
  /** Defaults to the channel title (RSS 2.0 wants them equal). */
  readonly title?: string | undefined;
  /** Defaults to the channel link. */
  readonly link?: string | undefined;
  readonly width?: number | undefined;
  readonly height?: number | undefined;
}

export interface FeedChannel {
  readonly title: string;
  /** Absolute URL of the site (or of the page the feed belongs to). */
  readonly link: string;
  /** Plain text. */
  readonly description: string;
  /** Language tag, e.g. `en`. */
  readonly language: string;
  /** Absolute URL of this feed itself: RSS `atom:link rel="self"`, JSON Feed `feed_url`. */
  readonly feedUrl: string;
  /**
   * RSS `lastBuildDate`. Pass a date derived from the build's "today" (e.g. `dailyPubDate(today)`) or from the newest
   * item rather than the clock, so that builds stay reproducible.
   */
  readonly lastBuildDate: Date;
  /** RSS `ttl`: minutes a reader may cache the feed. A positive integer. */
  readonly ttl?: number | undefined;
  /** RSS `<image>`. */
  readonly image?: FeedImage | undefined;
  /** JSON Feed `icon` (square, 512x512 recommended). */
  readonly icon?: string | undefined;
  /** JSON Feed `favicon` (64x64). */
  readonly favicon?: string | undefined;
  readonly generator?: string | undefined;
  readonly copyright?: string | undefined;
}

export interface FeedItem {
  /** Plain text. */
  readonly title: string;
  /** Absolute URL. */
  readonly link: string;
  /** Stable forever: readers use it to recognise an item they have already shown. Unique within a feed. */
  readonly guid: string;
  /** Whether `guid` is a URL that points at the item (RSS `isPermaLink`). Default true; then it must be absolute. */
  readonly guidIsPermaLink?: boolean | undefined;
  readonly pubDate: Date;
  /**
   * Plain text (the card summary). RSS readers render `<description>` as HTML, so the builder HTML-escapes it first:
   * `a < b` is emitted as `a &amp;lt; b` and read back as the text `a < b`. JSON Feed puts it in `summary` as is.
   */
  readonly description: string;
  /** Full HTML of the item: RSS `content:encoded`, JSON Feed `content_html`. Make URLs absolute first (absolutizeHtml). */
  readonly contentHtml?: string | undefined;
  /** RSS `<category>` elements, JSON Feed `tags`. */
  readonly categories?: readonly string[] | undefined;
}
