/** Source health: each feed's state, counts and rejects, as the server reports it. */
import type { SourceHealth } from '@tidewatch/protocol';
import { h, replaceChildren } from './dom.js';
import { utc } from './format.js';

export function renderSources(root: HTMLElement, sources: readonly SourceHealth[]): void {
  if (sources.length === 0) {
    replaceChildren(root, h('p', { class: 'muted' }, 'No sources reported yet.'));
    return;
  }
  replaceChildren(
    root,
    h(
      'ul',
      { class: 'sources' },
      ...sources.map((s) => {
        const rejected = Object.values(s.rejected).reduce((a, b) => a + b, 0);
        return h(
          'li',
          {},
          h('strong', {}, s.name),
          ' ',
          h('span', { class: `state state-${s.state}` }, s.state),
          h('br'),
          `${s.messages.toLocaleString('en')} messages, ${s.lines.toLocaleString('en')} lines, ${rejected} rejected`,
          h('br'),
          h('span', { class: 'muted' }, `last ${s.lastMessage ? utc(s.lastMessage) : '–'}`),
        );
      }),
    ),
  );
}
