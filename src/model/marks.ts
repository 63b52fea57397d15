// Publication marks written next to values in YAML: `name: !withhold 山田 太郎`, `name: !publish 山田 太郎`.

export type Mark = 'withhold' | 'publish';
export const MARK_TAGS: Record<string, Mark> = { '!withhold': 'withhold', '!publish': 'publish' };
