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
  // an upload being indexed: its page asks again until it is done
  const state = document.querySelector('.upload-state[data-refresh=true]');
  if (state) setTimeout(() => location.reload(), 1500);
  // upload: files dropped on the box are the files chosen; the bytes sent are shown as they go
  const drop = document.getElementById('upload-drop');
  const input = document.getElementById('upload-files');
  if (drop && input) {
    ['dragenter', 'dragover'].forEach(e => drop.addEventListener(e, ev => {
      ev.preventDefault();
      drop.classList.add('over');
    }));
    ['dragleave', 'drop'].forEach(e => drop.addEventListener(e, () => drop.classList.remove('over')));
    drop.addEventListener('drop', ev => {
      ev.preventDefault();
      if (ev.dataTransfer && ev.dataTransfer.files.length) input.files = ev.dataTransfer.files;
    });
  }
  const upload = document.getElementById('upload-form');
  const sent = document.getElementById('upload-sent');
  if (upload && sent && window.FormData) {
    upload.addEventListener('submit', ev => {
      ev.preventDefault();
      const xhr = new XMLHttpRequest();
      xhr.open('POST', upload.action);
      sent.hidden = false;
      xhr.upload.addEventListener('progress', e => {
        if (e.lengthComputable) sent.value = Math.round(100 * e.loaded / e.total);
      });
      xhr.addEventListener('load', () => {
        if (xhr.status === 200 && xhr.responseURL) location.assign(xhr.responseURL);
        else { document.open(); document.write(xhr.responseText); document.close(); }
      });
      xhr.addEventListener('error', () => upload.submit());
      xhr.send(new FormData(upload));
    });
  }
  const text = document.querySelector('.section-page .text');
  // each note's passage marked where it stands in the section's text, linked to the note
  if (text) {
    document.querySelectorAll('li.note[data-quote]').forEach((note) => {
      const words = note.dataset.quote;
      if (!words) return;
      const walk = document.createTreeWalker(text, NodeFilter.SHOW_TEXT);
      for (let n = walk.nextNode(); n; n = walk.nextNode()) {
        const i = n.data.indexOf(words);
        if (i < 0 || n.parentElement.closest('mark.noted')) continue;
        const range = document.createRange();
        range.setStart(n, i);
        range.setEnd(n, i + words.length);
        const mark = document.createElement('mark');
        mark.className = 'noted';
        mark.title = note.querySelector('.body').textContent;
        mark.addEventListener('click', () => note.scrollIntoView({ block: 'center' }));
        range.surroundContents(mark);
        break;
      }
    });
  }
  // a note's passage: what is selected in the section's text
  const quote = document.getElementById('note-quote');
  if (quote && text) {
    document.addEventListener('selectionchange', () => {
      const sel = document.getSelection();
      if (!sel || sel.isCollapsed || !text.contains(sel.anchorNode)) return;
      const words = sel.toString().trim();
      if (words) quote.value = words.slice(0, 2000);
    });
  }
});
