/* The browser script of the huashu QA report: draws the charts with uPlot from the figures in
 * #report-data and sorts the per-agent table. It reads no customer text (that is escaped HTML)
 * and writes text only through textContent. Inlined by scripts/data/qa-report.ts. */
/* global document, window, uPlot */
(function () {
  'use strict';
  const data = JSON.parse(document.getElementById('report-data').textContent);
  const L = data.labels;
  const BLUE = '#2563eb';
  const RED = '#dc2626';
  const AMBER = '#d97706';
  const HEIGHT = 240;
  const charts = [];

  function widthOf(element) {
    return Math.max(280, Math.floor(element.getBoundingClientRect().width));
  }

  /** A category axis: ticks at 0…n-1 named from `names`, every k-th when they would not fit. */
  function categoryAxis(names, extra, minSpace) {
    return Object.assign(
      {
        splits: (u) => {
          const width = u.bbox.width / uPlot.pxRatio;
          const step = Math.max(1, Math.ceil((names.length * (minSpace || 56)) / Math.max(1, width)));
          return names.map((_, i) => i).filter((i) => i % step === 0);
        },
        values: (_u, splits) => splits.map((i) => (Number.isInteger(i) ? (names[i] ?? '') : '')),
        grid: { show: false },
      },
      extra,
    );
  }

  function bars(size, align) {
    return uPlot.paths.bars({ size: [size, 80], align: align });
  }

  function draw(id, options, series) {
    const element = document.getElementById('chart-' + id);
    if (element === null) return;
    const chart = new uPlot(
      Object.assign({ width: widthOf(element), height: HEIGHT }, options),
      series,
      element,
    );
    charts.push({ chart: chart, element: element });
  }

  const categoryScale = (count) => ({ time: false, range: () => [-0.5, count - 0.5] });
  const index = (count) => Array.from({ length: count }, (_, i) => i);

  // Score distribution.
  const scoreBins = data.scores.bins;
  draw(
    'scores',
    {
      scales: { x: categoryScale(scoreBins.length), y: { range: (_u, _min, max) => [0, Math.max(1, max)] } },
      axes: [categoryAxis(scoreBins, { label: L.scoreAxis }, 40), { label: L.conversations }],
      series: [
        { label: L.scoreAxis, value: (_u, i) => (i == null ? '' : scoreBins[i]) },
        {
          label: L.conversations,
          fill: BLUE + 'cc',
          stroke: BLUE,
          paths: bars(0.8, 0),
          points: { show: false },
        },
      ],
      legend: { show: true },
    },
    [index(scoreBins.length), data.scores.counts],
  );

  // Failure rate per check.
  const names = data.checks.names;
  draw(
    'checks',
    {
      scales: { x: categoryScale(names.length), y: { range: [0, 100] } },
      axes: [
        categoryAxis(names, { rotate: -40, size: 90 }, 1),
        { label: L.failureRate + ' %', values: (_u, splits) => splits.map((v) => v + '%') },
      ],
      series: [
        { label: L.check, value: (_u, i) => (i == null ? '' : names[i]) },
        {
          label: L.failureRate,
          fill: RED + 'cc',
          stroke: RED,
          paths: bars(0.7, 0),
          points: { show: false },
          value: (_u, v) => (v == null ? '–' : v + '%'),
        },
      ],
    },
    [index(names.length), data.checks.failureRatePercent],
  );

  // Response times: first response and longest wait per conversation.
  const responseBins = data.responses.bins;
  draw(
    'responses',
    {
      scales: {
        x: categoryScale(responseBins.length),
        y: { range: (_u, _min, max) => [0, Math.max(1, max)] },
      },
      axes: [
        categoryAxis(responseBins, { label: L.wait, rotate: -30, size: 70 }, 1),
        { label: L.conversations },
      ],
      series: [
        { label: L.wait, value: (_u, i) => (i == null ? '' : responseBins[i]) },
        {
          label: L.firstResponse,
          fill: BLUE + 'cc',
          stroke: BLUE,
          paths: bars(0.4, -1),
          points: { show: false },
        },
        {
          label: L.longestWait,
          fill: AMBER + 'cc',
          stroke: AMBER,
          paths: bars(0.4, 1),
          points: { show: false },
        },
      ],
    },
    [index(responseBins.length), data.responses.first, data.responses.longest],
  );

  // Trend per day: conversations (bars, right axis) and average score (line, 0–100).
  const days = data.days.days;
  const dayNames = days.map((d) => d.slice(5));
  draw(
    'days',
    {
      scales: {
        x: categoryScale(Math.max(1, days.length)),
        score: { range: [0, 100] },
        n: { range: (_u, _min, max) => [0, Math.max(1, max)] },
      },
      axes: [
        categoryAxis(dayNames, {}, 48),
        { scale: 'score', label: L.averageScore },
        { scale: 'n', side: 1, label: L.conversations, grid: { show: false } },
      ],
      series: [
        { label: L.day, value: (_u, i) => (i == null ? '' : days[i]) },
        {
          label: L.conversations,
          scale: 'n',
          fill: BLUE + '55',
          stroke: BLUE,
          paths: bars(0.6, 0),
          points: { show: false },
        },
        {
          label: L.averageScore,
          scale: 'score',
          stroke: AMBER,
          width: 2,
          spanGaps: false,
          points: { size: 6 },
        },
        { label: L.fatal, scale: 'n', stroke: RED, width: 2, dash: [4, 3], points: { size: 5 } },
      ],
    },
    [index(days.length), data.days.conversations, data.days.averageScore, data.days.fatalCount],
  );

  let resizing = 0;
  window.addEventListener('resize', () => {
    window.clearTimeout(resizing);
    resizing = window.setTimeout(() => {
      for (const { chart, element } of charts) chart.setSize({ width: widthOf(element), height: HEIGHT });
    }, 100);
  });

  // The per-agent table sorts on a header click (again: the other way).
  const table = document.getElementById('agents-table');
  if (table !== null) {
    const headers = Array.from(table.querySelectorAll('thead th'));
    const collator = new Intl.Collator(document.documentElement.lang || undefined, { numeric: true });
    headers.forEach((th, column) => {
      const button = th.querySelector('button');
      if (button === null) return;
      button.addEventListener('click', () => {
        const ascending = th.getAttribute('aria-sort') !== 'ascending';
        const numeric = th.dataset.type === 'number';
        const body = table.tBodies[0];
        const key = (row) => row.cells[column].dataset.sort ?? '';
        const rows = Array.from(body.rows);
        rows.sort((a, b) => {
          const x = key(a);
          const y = key(b);
          // Empty cells (no figure) last either way.
          if (x === '' || y === '') return (x === '') - (y === '');
          const order = numeric ? Number(x) - Number(y) : collator.compare(x, y);
          return ascending ? order : -order;
        });
        for (const row of rows) body.appendChild(row);
        for (const other of headers) other.removeAttribute('aria-sort');
        th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
      });
    });
  }
})();
