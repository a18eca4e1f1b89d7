// The notices for embed options a host page got wrong (embed-options.ts). Apart from that file so that the island,
// which ships the option names, does not also ship these: they load with the memory model.
import { EMBED_OPTIONS, type EmbedOption } from './embed-options.ts';

/** The notice for an option's value that is not allowed, or null when it is allowed or absent. */
export function embedOptionNotice(option: EmbedOption, value: string | null): string | null {
  if (value === null || option.values.includes(value)) return null;
  return `data-${option.name}="${value.slice(0, 40)}" is not one of ${option.values.join(', ')}: ${option.values[0]} is used.`;
}

/** The notices for every embed option in a query whose value is not allowed. */
export function embedOptionNotices(search: string): { param: string; message: string }[] {
  const query = new URLSearchParams(search);
  return Object.values(EMBED_OPTIONS).flatMap((o: EmbedOption) => {
    const message = embedOptionNotice(o, query.get(o.name));
    return message ? [{ param: o.name, message }] : [];
  });
}
