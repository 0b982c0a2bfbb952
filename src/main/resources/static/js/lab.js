// A lab page's comparison run in place: its progress as the comparison's event stream
// reports it, then its summary and pictures (lab-report.js). Without this script the form
// still works: the browser goes to the comparison's own page.
(function () {
	'use strict';
	const form = document.querySelector('form[data-live]');
	if (!form || !window.EventSource) {
		return;
	}
	const progress = document.getElementById('progress');
	const result = document.getElementById('result');
	const button = form.querySelector('button[type=submit]');

	const element = window.Page.element;
	const ms = window.Page.ms;

	function progressLine(event) {
		const line = element('li', event.variant + ': ' + event.phase + ', ' + event.completed + ' of ' + event.runs
				+ ' runs' + ((event.p50_ms !== null && event.p50_ms !== undefined) ? ', median so far ' + ms(event.p50_ms) + ' ms' : ''));
		line.dataset.variant = event.variant;
		line.appendChild(element('progress', null, { max: Math.max(event.runs, 1), value: event.completed }));
		return line;
	}

	function summary(report, again) {
		const table = element('table');
		const head = element('tr');
		['variant', 'runs', 'errors', 'p50', 'p90', 'p99', 'mean'].forEach((name) => head.appendChild(element('th', name)));
		table.appendChild(head);
		report.variants.forEach((variant) => {
			const row = element('tr');
			[variant.variant, variant.count, variant.errors, ms(variant.p50_ms), ms(variant.p90_ms), ms(variant.p99_ms),
				ms(variant.mean_ms)].forEach((cell) => row.appendChild(element('td', cell)));
			table.appendChild(row);
		});
		const box = element('div', null, { class: 'scroll', tabindex: '0', role: 'region', 'aria-label': 'Percentiles of each variant' });
		box.appendChild(table);
		result.replaceChildren(
			element('p', 'Verdict: ' + report.verdict.status + '. ' + report.metric + ', over ' + report.runs
					+ ' runs of each variant; seed ' + report.seed + '.', { class: 'verdict ' + report.verdict.status }),
			box);
		const link = element('a', 'The comparison\'s own page', { href: again });
		const note = element('p', ' (runs it again with the same seed: the same drawn latencies, measured anew)');
		note.prepend(link);
		result.appendChild(note);
		if (window.LabReport) {
			window.LabReport.render(result, report);
		}
	}

	form.addEventListener('submit', (event) => {
		event.preventDefault();
		const query = new URLSearchParams(new FormData(form));
		[...query.keys()].filter((key) => query.get(key) === '').forEach((key) => query.delete(key));
		if (query.has('rate')) {
			// the open model: runs arrive at the rate instead of numbering 'runs'
			query.delete('runs');
		}
		const url = form.getAttribute('action') + '?' + query;
		const lines = new Map();
		progress.replaceChildren(element('p', 'Starting the comparison…'));
		result.replaceChildren();
		button.disabled = true;
		const stream = new EventSource(url);
		const end = () => {
			stream.close();
			button.disabled = false;
		};
		stream.addEventListener('progress', (message) => {
			const update = JSON.parse(message.data);
			lines.set(update.variant, progressLine(update));
			progress.replaceChildren(element('ul', null));
			lines.forEach((line) => progress.firstChild.appendChild(line));
		});
		stream.addEventListener('summary', (message) => {
			end();
			const report = JSON.parse(message.data);
			query.set('seed', report.seed);
			summary(report, form.getAttribute('action') + '?' + query);
		});
		stream.addEventListener('error', (message) => {
			end();
			if (message.data) {
				// the comparison ran out of time: the stream's last event says so
				result.replaceChildren(element('p', JSON.parse(message.data).detail, { class: 'errors' }));
			}
			else {
				// refused before it began (its problem is not readable from an event stream):
				// the comparison's own page shows why
				window.location.assign(url);
			}
		});
	});
})();
