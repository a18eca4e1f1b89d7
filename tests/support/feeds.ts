import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { FeedChannel, FeedItem } from '../../src/lib/feeds/index.ts';

export const RFC822 =
  /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT$/;

/** Characters XML 1.0 does not allow, even escaped (fast-xml-parser's validator does not check them). */
export const INVALID_XML_CHAR =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: that is what it looks for
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export interface ParsedItem {
  title: string;
  link: string;
  guid: { '#text': string; '@_isPermaLink': string };
  pubDate: string;
  description: string;
  category?: string[];
  'content:encoded'?: string;
}

export interface ParsedRss {
  rss: {
    '@_version': string;
    '@_xmlns:atom': string;
    '@_xmlns:content': string;
    channel: {
      title: string;
      link: string;
      description: string;
      language: string;
      lastBuildDate: string;
      ttl?: string;
      docs?: string;
      image?: { url: string; title: string; link: string; width?: string; height?: string };
      'atom:link': { '@_href': string; '@_rel': string; '@_type': string };
      item?: ParsedItem[];
    };
  };
}

const parser = new XMLParser({
  ignoreAttributes: false,
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  isArray: (name) => name === 'item' || name === 'category',
});

/** Validates (well-formedness and XML 1.0 characters), then parses an RSS document. */
export function parseRss(xml: string): ParsedRss {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new Error(`invalid XML: ${JSON.stringify(valid)}`);
  if (INVALID_XML_CHAR.test(xml)) throw new Error('XML contains characters XML 1.0 forbids');
  return parser.parse(xml) as ParsedRss;
}

export const channel: FeedChannel = {
  title: 'Fine-Tuning Cards: card of the day',
  link: 'https://example.org/',
  description: 'One sourced card about fine-tuning LLMs, every day.',
  language: 'en',
  feedUrl: 'https://example.org/rss.xml',
  lastBuildDate: new Date('2026-10-06T06:00:00Z'),
  ttl: 720,
  image: { url: 'https://example.org/icon-144.png', width: 144, height: 144 },
};

export const item: FeedItem = {
  title: 'LoRA: train a low-rank update',
  link: 'https://example.org/daily/2026-10-06/',
  guid: 'https://example.org/daily/2026-10-06/',
  pubDate: new Date('2026-10-06T06:00:00Z'),
  description: 'LoRA freezes every weight & learns a small <correction>.',
  contentHtml: '<p>LoRA <a href="https://example.org/cards/qlora/">QLoRA</a></p>',
  categories: ['lora', 'peft'],
};
