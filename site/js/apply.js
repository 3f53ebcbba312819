// At the end of <body>, before the first paint of the results: apply a shared link's
// filters with the membership the build wrote on each block (data-theme, data-platform,
// data-project; a value may be named by an alias, `data-also`): values of one facet
// combine with OR, facets with AND, as in the core
// (a browser test checks that both agree on many selections, through `jx.apply`).
// A search needs the app: until it runs, the page says "searching…" rather than show
// the unsearched article as if it were the result.
// The app then hydrates these nodes (Leptos claims them by position and kind): this step
// changes attributes and the text of single text nodes, and never adds or removes a node.
(() => {
  const h = document.documentElement;
  const all = (s, at = document) => Array.from(at.querySelectorAll(s));
  const one = (s) => document.querySelector(s);
  const show = (e, on) => e && (e.hidden = !on);
  const facets = ['theme', 'platform', 'project'];
  jx.apply = (search) => {
    const p = new URLSearchParams(search);
    const buttons = all('button[data-facet]');
    const chosen = facets.map((f) => {
      const asked = new Set(p.getAll(f).map((v) => v.trim()));
      const names = (b) => [b.dataset.value, ...(b.dataset.also || '').split(' ')];
      return new Set(buttons.filter((b) => b.dataset.facet === f && names(b).some((n) => asked.has(n))).map((b) => b.dataset.value));
    });
    const q = p.getAll('q').map((v) => v.trim()).find((v) => v) || '';
    let total = 0;
    const map = all('[data-map]');
    let at = 0;
    for (const s of all('[data-section]')) {
      let n = 0;
      for (const b of all('[data-block]', s)) {
        const ok = facets.every((f, i) => !chosen[i].size || (b.dataset[f] || '').split(' ').some((v) => chosen[i].has(v)));
        show(b.parentElement, ok);
        b.dataset.match = ok ? '1' : '0';
        map[at++].toggleAttribute('data-hit', ok);
        n += ok;
      }
      show(s, n > 0);
      s.dataset.sectionCount = n;
      s.querySelector('.section-count').firstChild.data = n;
      total += n;
    }
    const any = chosen.some((c) => c.size) || q;
    show(one('[data-banner]'), !any);
    show(one('[data-empty]'), !total);
    one('[data-result-count]').dataset.resultCount = total;
    for (const n of all('[data-n]')) n.firstChild.data = total;
    for (const b of buttons) b.setAttribute('aria-pressed', chosen[facets.indexOf(b.dataset.facet)].has(b.dataset.value));
    for (const c of all('[data-chip-value]')) show(c, chosen[facets.indexOf(c.dataset.chipFacet)].has(c.dataset.chipValue));
    show(one('[data-chip-facet="q"]'), q);
    if (q) one('[data-chip-q]').firstChild.data = q;
    show(one('.clear-all'), any);
    one('#search').value = q;
    if (q) h.dataset.searching = '';
    h.dataset.stale = '';
  };
  // The page's attributes are Chinese; only English needs the swap.
  if (jx.ui !== 'zh') jx.lang(jx.ui);
  if ('linked' in h.dataset) jx.apply(location.search);
  delete h.dataset.linked;
})();
