//! BASELINE FOR `make bench` ONLY: this is not the app and is never shipped.
//!
//! Page (c) of the benchmark: the article as static HTML (rendered by the bench from
//! the core's data) plus this small hand-written script, to show what plain
//! JavaScript costs for the same job. It filters the blocks by their data-theme /
//! data-platform / data-project attributes (OR within a facet, AND across facets and
//! the search), searches by substring (lower-cased only: none of the core's width /
//! spacing folding), highlights matches with <mark> elements built through DOM APIs
//! (never innerHTML), and keeps the counts, pressed states and sections up to date.
'use strict';
{
  const FACETS = ['theme', 'platform', 'project'];
  const chosen = { theme: new Set(), platform: new Set(), project: new Set() };
  let query = '';

  // The block's own text nodes: not the photo label, not the missing-text marker.
  const textNodes = (el) => {
    const skip = (n) => n.parentElement.closest('.missing, .photo-label');
    const walk = document.createTreeWalker(el, NodeFilter.SHOW_TEXT, {
      acceptNode: (n) => (skip(n) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
    });
    const out = [];
    for (let n = walk.nextNode(); n; n = walk.nextNode()) out.push(n);
    return out;
  };

  const blocks = Array.from(document.querySelectorAll('[data-block]'), (el) => ({
    el,
    row: el.closest('.block-row') || el,
    section: el.closest('[data-section]'),
    tags: FACETS.map((f) => (el.dataset[f] || '').split(' ').filter(Boolean)),
    pristine: Array.from(el.childNodes, (n) => n.cloneNode(true)),
    // '\0' between runs: a match never joins two runs or crosses a missing passage.
    hay: textNodes(el).map((n) => n.data.toLowerCase()).join('\0'),
    shown: '', // the query its <mark>s are for
  }));
  const buttons = Array.from(document.querySelectorAll('button[data-facet]'));
  const sections = Array.from(document.querySelectorAll('[data-section]'));
  const count = document.querySelector('[data-result-count]');
  const banner = document.querySelector('[data-banner]');
  const search = document.getElementById('search');

  const setText = (el, text) => {
    if (el.textContent !== text) el.textContent = text;
  };

  const highlight = (b, q) => {
    if (b.shown) b.el.replaceChildren(...b.pristine.map((n) => n.cloneNode(true)));
    b.shown = q;
    if (!q) return;
    for (const node of textNodes(b.el)) {
      const text = node.data;
      const low = text.toLowerCase();
      let at = low.indexOf(q);
      if (at < 0) continue;
      const frag = document.createDocumentFragment();
      let from = 0;
      while (at >= 0) {
        frag.append(text.slice(from, at));
        const mark = document.createElement('mark');
        mark.textContent = text.slice(at, at + q.length);
        frag.append(mark);
        from = at + q.length;
        at = low.indexOf(q, from);
      }
      frag.append(text.slice(from));
      node.replaceWith(frag);
    }
  };

  const update = () => {
    const counts = FACETS.map(() => new Map());
    const perSection = new Map(sections.map((s) => [s, 0]));
    let total = 0;
    for (const b of blocks) {
      const hit = !query || b.hay.includes(query);
      const ok = FACETS.map((f, i) => chosen[f].size === 0 || b.tags[i].some((v) => chosen[f].has(v)));
      const match = hit && ok[0] && ok[1] && ok[2];
      if (hit) {
        for (let i = 0; i < 3; i++) {
          if (ok.every((x, j) => j === i || x)) {
            for (const v of b.tags[i]) counts[i].set(v, (counts[i].get(v) || 0) + 1);
          }
        }
      }
      if (b.row.hidden === match) b.row.hidden = !match;
      const want = match ? query : '';
      if (b.shown !== want) highlight(b, want);
      if (match) {
        total++;
        perSection.set(b.section, perSection.get(b.section) + 1);
      }
    }
    for (const [s, n] of perSection) {
      if (s.hidden !== (n === 0)) s.hidden = n === 0;
      s.dataset.sectionCount = n;
      setText(s.querySelector('.section-count'), String(n));
    }
    for (const btn of buttons) {
      const i = FACETS.indexOf(btn.dataset.facet);
      const v = btn.dataset.value;
      const n = counts[i].get(v) || 0;
      const on = chosen[btn.dataset.facet].has(v);
      btn.setAttribute('aria-pressed', String(on));
      btn.disabled = n === 0 && !on;
      btn.dataset.count = n;
      setText(btn.querySelector('.facet-count'), String(n));
    }
    count.dataset.resultCount = total;
    setText(count, `显示 ${total} / ${blocks.length} 段`);
    if (banner) banner.hidden = query !== '' || FACETS.some((f) => chosen[f].size > 0);
  };

  document.addEventListener('click', (e) => {
    const btn = e.target.closest('button[data-facet]');
    if (!btn || btn.disabled) return;
    const set = chosen[btn.dataset.facet];
    const v = btn.dataset.value;
    if (set.has(v)) set.delete(v);
    else set.add(v);
    update();
  });
  search.addEventListener('input', () => {
    query = search.value.trim().toLowerCase();
    update();
  });

  document.documentElement.dataset.ready = '1';
  performance.mark('app-interactive');
}
