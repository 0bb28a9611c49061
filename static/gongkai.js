// Progressive enhancement only: every page works without this file except the copy button.
document.documentElement.classList.add('js');
document.addEventListener('DOMContentLoaded', () => {
  // ticking a facet value applies it at once
  const form = document.getElementById('search-form');
  if (form) {
    form.querySelectorAll('.facets input[type=checkbox]').forEach(box =>
      box.addEventListener('change', () => form.submit()));
  }
  // a permalink opened with ?q= but without #hit still lands on the first hit
  const hit = document.getElementById('hit');
  if (hit && !location.hash) hit.scrollIntoView({block: 'center'});
  // on a phone the filters start folded
  const phone = window.matchMedia('(max-width: 760px)').matches;
  const box = document.querySelector('.facets-box');
  if (box && phone) box.removeAttribute('open');
  // and so does a report's table of contents
  const toc = document.querySelector('.toc-box');
  if (toc && phone) toc.removeAttribute('open');
  // copy the citation
  document.querySelectorAll('button.copy').forEach(button => button.addEventListener('click', async () => {
    const source = document.querySelector(button.dataset.copy);
    try {
      await navigator.clipboard.writeText(source.value);
    } catch (e) {
      source.select();
      document.execCommand('copy');
    }
    button.textContent = button.dataset.copied;
  }));
});
