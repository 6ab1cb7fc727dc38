// The benchmark's peer (see scripts/bench.sh): the HTX Charts app's default chart drawn with
// Chart.js. It reads the same data file as the app (../data/htx.json, or ?data=URL; index.html
// starts that request before Chart.js has loaded) and picks the same bars the same way as the
// app's default view (src/view/: filter → pick → group → sort):
//   metric "cooperatives" in unit "cooperatives", totals only (no sector, no rating), areas of a
//   local level (province, former_province, city, unnamed_province), the figures of each area's
//   latest date (every figure at that date is a bar, as in the app), largest first (ties: area
//   code, then latest first), at most 40 bars (the app's MAX_ROWS; ?top=N for fewer).
// Animation is off; performance.mark('peer-first-chart') is set right after Chart.js has drawn
// the chart (its afterRender hook on the first render, which runs inside `new Chart(…)` when
// animation is off), as the app marks "htx-first-chart" right after drawing its first canvas.
'use strict';
(function () {
  const params = new URLSearchParams(location.search);
  const dataUrl = params.get('data') || '../data/htx.json';
  const top = Math.max(1, Math.min(40, Number(params.get('top')) || 40));
  const LOCAL = new Set(['province', 'former_province', 'city', 'unnamed_province']);

  // The end of a date ("2024", "2024-06", "2024-06-30", or a span "a/b") as a sortable number.
  function endKey(date) {
    const end = String(date).split('/').pop();
    const [y, m, d] = end.split('-').map(Number);
    if (!m) return y * 10000 + 1231;
    if (!d) return y * 10000 + m * 100 + new Date(Date.UTC(y, m, 0)).getUTCDate();
    return y * 10000 + m * 100 + d;
  }
  const extent = (v) => (typeof v === 'number' ? v : v.high ?? v.low);

  function bars(ds) {
    const areas = new Map(ds.areas.map((a) => [a.code, a]));
    const obs = ds.observations.filter(
      (o) => o.metric === 'cooperatives' && o.unit === 'cooperatives' && o.sector == null && o.rating == null &&
        LOCAL.has(areas.get(o.area)?.level),
    );
    const latest = new Map();
    for (const o of obs) latest.set(o.area, Math.max(latest.get(o.area) ?? 0, endKey(o.date)));
    const picked = obs.filter((o) => endKey(o.date) === latest.get(o.area));
    picked.sort(
      (a, b) => extent(b.value) - extent(a.value) || (a.area < b.area ? -1 : a.area > b.area ? 1 : 0) || endKey(b.date) - endKey(a.date),
    );
    const seen = new Map();
    return picked.slice(0, top).map((o) => {
      const a = areas.get(o.area);
      const n = (seen.get(o.area) ?? 0) + 1;
      seen.set(o.area, n);
      const name = (a.short || a.name) + (a.level === 'former_province' ? ' (cũ)' : '');
      return { key: n === 1 ? o.area : `${o.area}#${n}`, label: n === 1 ? name : `${name} (${n})`, value: extent(o.value), date: o.date };
    });
  }

  let marked = false;
  const markFirst = {
    id: 'peerFirstChart',
    afterRender(chart) {
      if (marked) return;
      marked = true;
      performance.mark('peer-first-chart');
      chart.canvas.dataset.drawn = '1';
    },
  };

  // index.html has started the request already (window.peerData)
  const data =
    window.peerData ||
    fetch(dataUrl).then((r) => {
      if (!r.ok) throw new Error(`${dataUrl}: HTTP ${r.status}`);
      return r.json();
    });
  data
    .then((ds) => {
      const rows = bars(ds);
      const canvas = document.getElementById('chart');
      canvas.dataset.keys = rows.map((r) => r.key).join(',');
      new Chart(canvas, {
        type: 'bar',
        data: {
          labels: rows.map((r) => r.label),
          datasets: [{ label: 'HTX', data: rows.map((r) => r.value), backgroundColor: '#b91c1c' }],
        },
        options: {
          indexAxis: 'y',
          animation: false,
          responsive: true,
          maintainAspectRatio: false,
          plugins: {
            legend: { display: false },
            tooltip: { callbacks: { afterLabel: (ctx) => `(${rows[ctx.dataIndex].date})` } },
          },
          scales: { x: { beginAtZero: true }, y: { ticks: { autoSkip: false } } },
        },
        plugins: [markFirst],
      });
    })
    .catch((e) => {
      document.getElementById('status').textContent = String(e);
      console.error(e);
    });
})();
