// The pictures of a comparison's report: each variant's latency distribution on one
// percentile plot and one CDF (uPlot, from the WebJar), a waterfall of the runs the report
// samples (with a breaker's states and the moment a client left, where a run has them),
// the calls in flight over time, and the report to download as JSON or CSV. The lab page
// draws them when its comparison ends; the comparison's own page carries its report in
// data-report.
(function () {
	'use strict';
	const COLOURS = ['#3867c9', '#d9822b', '#2a9d6f', '#b23a7a', '#7a5cc9', '#8a8f2a', '#c9383f', '#3a9fb2'];
	const OUTCOMES = ['ok', 'error', 'timeout', 'cancelled', 'fallback'];
	// a run with more calls shows its first ones: a fan-out of 100 is still readable
	const MAX_CALLS_SHOWN = 24;

	const element = window.Page.element;
	const ms = window.Page.ms;

	// x of an HDR percentile plot: log10(1 / (1 − p)) spaces 90, 99, 99.9 evenly
	function odds(percentile) {
		return Math.log10(1 / (1 - percentile / 100));
	}

	function percentileLabel(x) {
		const percentile = 100 * (1 - Math.pow(10, -x));
		return (percentile <= 0) ? '0 %' : parseFloat(percentile.toPrecision(6)) + ' %';
	}

	// the percentiles that carry a label, at whole steps of x but for the median
	const PERCENTILE_TICKS = [0, 50, 90, 99, 99.9, 99.99, 99.999].map(odds);

	// uPlot draws series over shared x values: each variant's points on the union of them
	function aligned(variants, x, y) {
		const xs = [...new Set(variants.flatMap((variant) => variant.distribution.map(x)))].sort((a, b) => a - b);
		const series = variants.map((variant) => {
			const values = new Map(variant.distribution.map((point) => [x(point), y(point)]));
			return xs.map((value) => (values.has(value) ? values.get(value) : null));
		});
		return [xs, ...series];
	}

	function width(container) {
		return Math.max(260, Math.min(container.clientWidth || 640, 960));
	}

	function variantSeries(variants) {
		return variants.map((variant, i) => ({
			label: variant.variant, stroke: COLOURS[i % COLOURS.length], width: 2, spanGaps: true,
			value: (u, v) => ms(v)
		}));
	}

	function percentilePlot(container, report) {
		const variants = report.variants.filter((variant) => variant.distribution.length > 0);
		const data = aligned(variants, (point) => odds(point.percentile), (point) => point.ms);
		const series = [{ label: 'percentile', value: (u, x) => (x === null ? '–' : percentileLabel(x)) },
			...variantSeries(variants)];
		variants.forEach((variant, i) => {
			if (variant.theory && variant.theory.metric.endsWith('_ms') && data[0].length > 0) {
				series.push({ label: 'theory, ' + variant.variant, stroke: COLOURS[i % COLOURS.length], width: 1,
					dash: [6, 4], value: (u, v) => ms(v) });
				data.push(data[0].map(() => variant.theory.value));
			}
		});
		const box = element('figure', null, { class: 'chart percentile-plot' });
		box.appendChild(element('figcaption', report.metric + ' by percentile (x: log 1/(1−p))'
				+ (series.length > variants.length + 1 ? '; dashed: theory' : '')));
		container.appendChild(box);
		const highest = Math.max(1, Math.ceil(data[0][data[0].length - 1] || 0));
		new uPlot({
			width: width(container), height: 280, series,
			scales: { x: { time: false, range: [0, highest] } },
			axes: [{ label: 'percentile', splits: () => PERCENTILE_TICKS.filter((x) => x <= highest),
				values: (u, splits) => splits.map(percentileLabel) }, { label: 'ms' }]
		}, data, box);
	}

	function cdf(container, report) {
		// the distribution stops short of 100 %, which the slowest run reaches
		const variants = report.variants.filter((variant) => variant.distribution.length > 0)
			.map((variant) => ({ ...variant,
				distribution: [...variant.distribution, { percentile: 100, ms: variant.max_ms }] }));
		const data = aligned(variants, (point) => point.ms, (point) => point.percentile);
		const stepped = uPlot.paths.stepped({ align: 1 });
		const box = element('figure', null, { class: 'chart cdf' });
		box.appendChild(element('figcaption', 'Share of runs within a time (CDF)'));
		container.appendChild(box);
		new uPlot({
			width: width(container), height: 240,
			series: [{ label: 'ms', value: (u, v) => ms(v) }, ...variantSeries(variants).map((s) => ({
				...s, paths: stepped, value: (u, v) => (v === null ? '–' : v.toFixed(2) + ' %')
			}))],
			scales: { x: { time: false }, y: { range: [0, 100] } },
			axes: [{ label: 'ms' }, { label: '% of runs', values: (u, ticks) => ticks.map((t) => t + ' %') }]
		}, data, box);
	}

	// a state track's colours: a circuit breaker's, and any other demo's that records states
	const STATES = ['closed', 'open', 'half-open'];

	function stateClass(state) {
		return state.toLowerCase().replace(/_/g, '-');
	}

	// a bar on a track from one time to another, in per cent of the axis
	function place(node, from, to, end) {
		node.style.left = (100 * from / end) + '%';
		node.style.width = Math.max(0.4, 100 * (to - from) / end) + '%';
		return node;
	}

	function stateRow(run, end) {
		const states = run.facts.states;
		const row = element('div', null, { class: 'row states' });
		row.appendChild(element('span', 'state', { class: 'label' }));
		const track = element('span', null, { class: 'track' });
		states.forEach((entry, k) => {
			const until = (k + 1 < states.length) ? states[k + 1].at_ms : run.total_ms;
			const band = place(element('span', null, { class: 'state ' + stateClass(entry.state) }), entry.at_ms, until,
					end);
			band.title = entry.state + ' from ' + ms(entry.at_ms) + ' ms';
			track.appendChild(band);
		});
		row.appendChild(track);
		return row;
	}

	function hasStates(run) {
		return Array.isArray(run.facts && run.facts.states) && run.facts.states.length > 0;
	}

	function leftAt(run) {
		return run.facts ? run.facts.client_left_ms : undefined;
	}

	function waterfall(container, report) {
		const end = Math.max(1, ...report.variants.flatMap((variant) => variant.samples.flatMap(
				(run) => [run.total_ms, ...run.calls.map((call) => call.end_ms)])));
		const box = element('figure', null, { class: 'waterfall' });
		box.appendChild(element('figcaption', 'The first runs of each variant, with the same seeds: each backend'
				+ ' call a bar from its start to its end, on one time axis from 0 to ' + ms(end) + ' ms'));
		const legend = element('p', null, { class: 'legend' });
		OUTCOMES.forEach((outcome) => {
			legend.appendChild(element('span', null, { class: 'call ' + outcome }));
			legend.appendChild(document.createTextNode(' ' + outcome + ' '));
		});
		const samples = report.variants.flatMap((variant) => variant.samples);
		if (samples.some((run) => run.calls.some((call) => call.detail === 'hedge'))) {
			legend.appendChild(element('span', null, { class: 'call ok hedged' }));
			legend.appendChild(document.createTextNode(' hedged (a second request) '));
		}
		if (samples.some(hasStates)) {
			STATES.forEach((state) => {
				legend.appendChild(element('span', null, { class: 'state ' + state }));
				legend.appendChild(document.createTextNode(' ' + state + ' breaker '));
			});
		}
		if (samples.some((run) => leftAt(run) !== undefined)) {
			legend.appendChild(element('span', null, { class: 'left' }));
			legend.appendChild(document.createTextNode(' the client left'));
		}
		box.appendChild(legend);
		report.variants.forEach((variant) => variant.samples.forEach((run, i) => {
			const group = element('div', null, { class: 'run', 'data-variant': variant.variant });
			const left = leftAt(run);
			group.appendChild(element('p', variant.variant + ', run ' + (i + 1) + ' (seed ' + run.seed + '): '
					+ ms(run.total_ms) + ' ms, ' + run.result
					+ (left !== undefined ? '; the client left at ' + ms(left) + ' ms' : ''), { class: 'run-title' }));
			if (hasStates(run)) {
				group.appendChild(stateRow(run, end));
			}
			run.calls.slice(0, MAX_CALLS_SHOWN).forEach((call) => {
				const row = element('div', null, { class: 'row' });
				row.appendChild(element('span', call.backend, { class: 'label' }));
				const track = element('span', null, { class: 'track' });
				// a hedge keeps its outcome's colour, outlined
				const hedge = call.detail === 'hedge';
				const bar = place(element('span', null, { class: 'call ' + call.outcome + (hedge ? ' hedged' : '') }),
						call.start_ms, call.end_ms, end);
				bar.title = call.backend + ': ' + ms(call.start_ms) + '–' + ms(call.end_ms) + ' ms, ' + call.outcome
						+ (call.detail ? ' (' + call.detail + ')' : '');
				track.appendChild(bar);
				const total = element('span', null, { class: 'total' });
				total.style.left = (100 * run.total_ms / end) + '%';
				track.appendChild(total);
				if (left !== undefined) {
					const marker = element('span', null, { class: 'left' });
					marker.style.left = (100 * left / end) + '%';
					track.appendChild(marker);
				}
				row.appendChild(track);
				group.appendChild(row);
			});
			if (run.calls.length > MAX_CALLS_SHOWN) {
				group.appendChild(element('p', 'and ' + (run.calls.length - MAX_CALLS_SHOWN) + ' more calls',
						{ class: 'more' }));
			}
			box.appendChild(group);
		}));
		container.appendChild(box);
	}

	// how many of a run's calls were in flight at each time one started or ended
	function inFlightSteps(run) {
		const calls = run.calls.filter((call) => call.end_ms > call.start_ms);
		return (time) => calls.filter((call) => call.start_ms <= time && time < call.end_ms).length;
	}

	// calls in flight over time in each variant's first run: leaked work is the calls that
	// stay after the client left; drawn where some run has calls in parallel
	function inFlight(container, report) {
		const variants = report.variants.filter((variant) => variant.samples.length > 0);
		const firsts = variants.map((variant) => variant.samples[0]);
		const times = [...new Set([0, ...firsts.flatMap((run) => [run.total_ms,
			...run.calls.flatMap((call) => [call.start_ms, call.end_ms])])])].sort((a, b) => a - b);
		const counts = firsts.map((run) => times.map(inFlightSteps(run)));
		if (Math.max(0, ...counts.flat()) < 2) {
			return;
		}
		const left = firsts.map(leftAt).find((value) => value !== undefined);
		const box = element('figure', null, { class: 'chart in-flight' });
		box.appendChild(element('figcaption', 'Backend calls in flight in the first run of each variant'
				+ (left !== undefined ? '; the client left at ' + ms(left) + ' ms' : '')));
		container.appendChild(box);
		const stepped = uPlot.paths.stepped({ align: 1 });
		new uPlot({
			width: width(container), height: 200,
			series: [{ label: 'ms', value: (u, v) => ms(v) }, ...variantSeries(variants).map((series) => ({
				...series, paths: stepped, value: (u, v) => (v === null ? '–' : String(v))
			}))],
			scales: { x: { time: false } },
			axes: [{ label: 'ms' }, { label: 'calls in flight' }]
		}, [times, ...counts], box);
	}

	function csv(report) {
		const columns = ['variant', 'runs', 'errors', 'min_ms', 'mean_ms', 'p50_ms', 'p90_ms', 'p99_ms', 'p999_ms',
			'max_ms'];
		const cell = (value) => (value === null || value === undefined) ? '' : String(value);
		const rows = report.variants.map((variant) => [variant.variant, variant.count, variant.errors, variant.min_ms,
			variant.mean_ms, variant.p50_ms, variant.p90_ms, variant.p99_ms, variant.p999_ms, variant.max_ms]
			.map(cell).join(','));
		return [columns.join(','), ...rows].join('\r\n') + '\r\n';
	}

	function download(label, name, type, text) {
		const link = element('a', label, { download: name, href: URL.createObjectURL(new Blob([text], { type })),
			class: 'export' });
		return link;
	}

	function exports(container, report) {
		const name = 'comparison-' + report.demo + '-' + report.seed;
		const line = element('p', 'Download the report: ', { class: 'exports' });
		line.appendChild(download('JSON', name + '.json', 'application/json', JSON.stringify(report, null, 2)));
		line.appendChild(document.createTextNode(' · '));
		line.appendChild(download('CSV', name + '.csv', 'text/csv', csv(report)));
		container.appendChild(line);
	}

	/** Draws every picture of the report at the end of the container. */
	function render(container, report) {
		if (window.uPlot) {
			percentilePlot(container, report);
			cdf(container, report);
		}
		waterfall(container, report);
		if (window.uPlot) {
			inFlight(container, report);
		}
		exports(container, report);
	}

	// the sweep's charts (lab-sweep.js) are drawn in the same colours and widths
	window.LabReport = { render, colour: (i) => COLOURS[i % COLOURS.length], width };

	const carried = document.querySelector('[data-report]');
	if (carried) {
		render(carried, JSON.parse(carried.dataset.report));
	}
})();
