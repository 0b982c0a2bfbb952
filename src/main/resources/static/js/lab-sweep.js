// A lab page's sweep of the arrival rate: one open-model comparison at each rate, one
// after the other, each a real run with the page's parameters; a table and two charts
// (uPlot) against the rate grow as the comparisons end. The section stays hidden without
// this script, which is what runs the sweep.
(function () {
	'use strict';
	const form = document.querySelector('form[data-sweep]');
	const live = document.querySelector('form[data-live]');
	if (!form || !live || !window.fetch || !window.LabReport) {
		return;
	}
	const element = window.Page.element;
	const ms = window.Page.ms;
	const fact = form.dataset.sweep;
	const output = document.getElementById('sweep');
	const button = form.querySelector('button[type=submit]');
	form.closest('section').hidden = false;

	// the page's parameters, without the closed model's settings and without empty fields
	function parameters() {
		const query = new URLSearchParams(new FormData(live));
		['runs', 'concurrency'].forEach((name) => query.delete(name));
		[...query.keys()].filter((name) => query.get(name) === '').forEach((name) => query.delete(name));
		query.set('duration', form.elements.duration.value);
		return query;
	}

	function row(cells, header) {
		const line = element('tr');
		cells.forEach((cell) => line.appendChild(element(header ? 'th' : 'td', cell)));
		return line;
	}

	function table(points) {
		const scroll = element('div', null, { class: 'scroll', tabindex: '0', role: 'region',
			'aria-label': 'Each comparison of the sweep' });
		const body = element('table', null, { class: 'sweep-table' });
		body.appendChild(row(['rate /s', 'variant', 'runs', 'errors', 'median ms', 'max ms', fact, 'verdict'], true));
		points.forEach((point) => point.report.variants.forEach((variant) => body.appendChild(row([
			String(point.rate), variant.variant, String(variant.count), String(variant.errors), ms(variant.p50_ms),
			ms(variant.max_ms), (variant.facts && variant.facts[fact] !== undefined) ? variant.facts[fact].toFixed(2) : '–',
			point.report.verdict.status]))));
		scroll.appendChild(body);
		return scroll;
	}

	function chart(points, title, label, series) {
		const box = element('figure', null, { class: 'chart sweep-chart' });
		box.appendChild(element('figcaption', title));
		output.appendChild(box);
		const variants = points[0].report.variants.map((variant) => variant.variant);
		const lines = [];
		const data = [points.map((point) => point.rate)];
		variants.forEach((name, i) => series.forEach((one) => {
			lines.push({ label: name + (one.suffix ? ', ' + one.suffix : ''), stroke: window.LabReport.colour(i),
				width: 2, dash: one.dash, spanGaps: true, points: { show: true } });
			data.push(points.map((point) => {
				const variant = point.report.variants.find((v) => v.variant === name);
				const value = variant ? one.value(variant) : null;
				return (value === undefined) ? null : value;
			}));
		}));
		new uPlot({
			width: window.LabReport.width(output), height: 240,
			series: [{ label: 'rate /s' }, ...lines],
			scales: { x: { time: false } },
			axes: [{ label: 'arrival rate, runs per second' }, { label }]
		}, data, box);
	}

	function draw(points) {
		output.querySelectorAll('.sweep-table, .scroll, .sweep-chart').forEach((node) => node.remove());
		output.appendChild(table(points));
		if (window.uPlot && points.length > 0) {
			chart(points, 'Median (where there are enough runs for it) and slowest run against the arrival rate', 'ms', [
				{ suffix: 'median', value: (variant) => variant.p50_ms },
				{ suffix: 'max', dash: [6, 4], value: (variant) => variant.max_ms }]);
			chart(points, 'The fact ' + fact + ' (mean over the runs) against the arrival rate', fact, [
				{ value: (variant) => (variant.facts ? variant.facts[fact] : null) }]);
		}
	}

	form.addEventListener('submit', async (event) => {
		event.preventDefault();
		const rates = form.elements.rates.value.split(',').map((text) => Number(text.trim()));
		const status = element('p', null, { class: 'sweep-status' });
		output.replaceChildren(status);
		if (rates.length === 0 || rates.some((rate) => !(rate > 0))) {
			status.textContent = 'The rates must be numbers above 0, separated by commas.';
			status.classList.add('errors');
			return;
		}
		const points = [];
		button.disabled = true;
		try {
			for (const rate of rates) {
				status.textContent = 'Comparing at ' + rate + ' runs per second (' + (points.length + 1) + ' of '
						+ rates.length + ')…';
				const query = parameters();
				query.set('rate', rate);
				const answer = await fetch(live.getAttribute('action') + '?' + query,
						{ headers: { Accept: 'application/json' } });
				const body = await answer.json();
				if (!answer.ok) {
					status.textContent = 'At ' + rate + ' runs per second: ' + (body.detail || answer.statusText);
					status.classList.add('errors');
					return;
				}
				points.push({ rate, report: body });
				draw(points);
			}
			status.textContent = 'Swept ' + rates.length + ' rates; every figure measured just now.';
		}
		catch (error) {
			status.textContent = 'The sweep stopped: ' + error.message;
			status.classList.add('errors');
		}
		finally {
			button.disabled = false;
		}
	});
})();
