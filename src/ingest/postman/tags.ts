import type { Tag } from "../../model/types.js";

/**
 * Folder names as tags, in order of first appearance. Folders of the same name share a tag; the
 * first description found is its description.
 */
export class TagRegistry {
  private readonly byName = new Map<string, Tag>();

  add(name: string, description: string | undefined): void {
    const tag = this.byName.get(name);
    if (!tag)
      this.byName.set(
        name,
        description !== undefined ? { name, description } : { name },
      );
    else if (tag.description === undefined && description !== undefined)
      tag.description = description;
  }

  /** The tags some endpoint uses: a folder that only holds folders tags nothing. */
  used(tagged: readonly { tags: readonly string[] }[]): Tag[] {
    const used = new Set(tagged.flatMap((e) => e.tags));
    return [...this.byName.values()].filter((t) => used.has(t.name));
  }
}
