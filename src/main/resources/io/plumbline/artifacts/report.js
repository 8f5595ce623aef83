(function () {
  var data = JSON.parse(document.getElementById('report-data').textContent);
  var body = document.getElementById('rows');
  var q = document.getElementById('filter-account');
  var code = document.getElementById('filter-code');
  var status = document.getElementById('filter-status');
  var count = document.getElementById('shown-count');
  var sortKey = null, sortDir = 1, open = {};
  function el(tag, cls, text) { var e = document.createElement(tag); if (cls) e.className = cls; if (text != null) e.textContent = text; return e; }
  function matches(a) {
    var t = q.value.trim().toLowerCase();
    if (t && a.id.toLowerCase().indexOf(t) < 0 && a.name.toLowerCase().indexOf(t) < 0) return false;
    return a.issues.some(function (i) { return (!code.value || i.code === code.value) && (!status.value || i.status === status.value); });
  }
  function visibleIssues(a) {
    return a.issues.filter(function (i) { return (!code.value || i.code === code.value) && (!status.value || i.status === status.value); });
  }
  function detail(a) {
    var tr = el('tr', 'detail'), td = el('td'); td.colSpan = 9;
    var h = el('div'); h.appendChild(el('b', null, 'Issues'));
    var ul = el('ul');
    visibleIssues(a).forEach(function (i) {
      var li = el('li'); li.className = 'issue';
      li.appendChild(el('span', 'tag ' + i.status, i.status));
      li.appendChild(el('span', i.risk === 'critical' ? 'critical' : null, ' ' + i.id + ' ' + i.code + ' '));
      li.appendChild(el('span', null, i.evidence + (i.reason ? ' [' + i.reason + ']' : '')));
      ul.appendChild(li);
    });
    h.appendChild(ul);
    if (a.actions.length) {
      h.appendChild(el('b', null, 'Actions'));
      var ua = el('ul');
      a.actions.forEach(function (x) {
        var li = el('li'); li.className = 'action';
        li.appendChild(el('span', 'tag ' + x.status, x.status));
        li.appendChild(el('span', null, ' ' + x.id + ' ' + x.code + (x.value ? ' ' + x.value : '') + (x.reason ? ' (' + x.reason + ')' : '')));
        ua.appendChild(li);
      });
      h.appendChild(ua);
    }
    td.appendChild(h); tr.appendChild(td); return tr;
  }
  function render() {
    var rows = data.accounts.filter(matches);
    if (sortKey) rows.sort(function (x, y) { var a = x[sortKey], b = y[sortKey]; return (a < b ? -1 : a > b ? 1 : 0) * sortDir; });
    body.textContent = '';
    rows.forEach(function (a) {
      var tr = el('tr', 'account'); tr.dataset.account = a.id;
      [a.id, a.name].forEach(function (v) { tr.appendChild(el('td', null, v)); });
      [a.org, a.user, a.ticket, a.total, a.prepared, a.blocked].forEach(function (v) { tr.appendChild(el('td', 'num', String(v))); });
      tr.appendChild(el('td', null, a.codes.join(', ')));
      tr.addEventListener('click', function () { open[a.id] = !open[a.id]; render(); });
      body.appendChild(tr);
      if (open[a.id]) body.appendChild(detail(a));
    });
    if (!rows.length) { var tr = el('tr'), td = el('td', 'empty', 'No account matches the filters.'); td.colSpan = 9; tr.appendChild(td); body.appendChild(tr); }
    var isAccount = function (a) { return !a.no_account; };
    var orphans = rows.some(function (a) { return !isAccount(a); });
    count.textContent = rows.filter(isAccount).length + ' of ' + data.accounts.filter(isAccount).length + ' accounts'
      + (orphans ? ', and the orgs without an account' : '');
  }
  document.querySelectorAll('th[data-key]').forEach(function (th) {
    th.addEventListener('click', function () { var k = th.dataset.key; sortDir = sortKey === k ? -sortDir : (th.classList.contains('num') ? -1 : 1); sortKey = k; render(); });
  });
  [q, code, status].forEach(function (e) { e.addEventListener('input', render); e.addEventListener('change', render); });
  render();
})();
