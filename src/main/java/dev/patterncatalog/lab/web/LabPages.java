package dev.patterncatalog.lab.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.patterncatalog.lab.LabProperties;
import dev.patterncatalog.lab.demo.DemoDescriptor;
import dev.patterncatalog.lab.demo.Demos;
import dev.patterncatalog.lab.demo.ParameterSpec;
import dev.patterncatalog.lab.run.Theories;
import dev.patterncatalog.system.BoundParameter;
import dev.patterncatalog.system.HtmlPages;
import io.swagger.v3.oas.annotations.Hidden;
import org.jspecify.annotations.Nullable;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The lab for a reader with a browser: an index of the demos, and a page per demo whose
 * form is made from the demo's description (its parameter record's defaults, bounds and
 * units, and the comparison's own settings), submitted to the comparison, which answers a
 * browser with its page. Pages, not API: left out of the OpenAPI description.
 */
@Hidden
@RestController
@RequestMapping(path = "/lab", produces = MediaType.TEXT_HTML_VALUE)
class LabPages {

	/**
	 * Long enough for some dozens of runs at the sweep's usual rates, short enough to
	 * wait for.
	 */
	private static final int SWEEP_DURATION_MS = 3000;

	private final Demos demos;

	private final LabProperties properties;

	private final HtmlPages pages;

	LabPages(Demos demos, LabProperties properties, HtmlPages pages) {
		this.demos = demos;
		this.properties = properties;
		this.pages = pages;
	}

	@GetMapping
	ResponseEntity<String> index() {
		List<Entry> entries = this.demos.descriptors()
			.stream()
			.map((demo) -> new Entry(demo.name(), demo.title(), demo.description(), demo.patternId()))
			.toList();
		return page(this.pages.render("lab-index", new Index("Latency Lab", entries)));
	}

	@GetMapping("/{demo}")
	ResponseEntity<String> demo(@PathVariable String demo) {
		DemoDescriptor descriptor = this.demos.descriptor(demo);
		Map<String, BoundParameter> bounds = BoundParameter.of(ComparisonSettings.class)
			.stream()
			.collect(Collectors.toMap(BoundParameter::name, Function.identity()));
		Map<String, Double> maxima = ComparisonSettings.maxima(this.properties.limits());
		List<Field> settings = List.of(
				number(bounds.get("runs").withMax(maxima.get("runs")), "runs of each variant",
						descriptor.defaultRuns()),
				number(bounds.get("concurrency").withMax(maxima.get("concurrency")), "runs in flight at most",
						descriptor.defaultConcurrency()),
				number(bounds.get("warmup"), "runs of each variant made and discarded before measuring",
						this.properties.measurement().warmupRuns()),
				// the open model: empty unless asked for, in place of 'runs'
				optional(bounds.get("rate").withMax(maxima.get("rate")),
						"open model: runs of each variant arriving per second, each timed from when it was due;"
								+ " in place of runs",
						"closed model"),
				optional(bounds.get("duration").withMax(maxima.get("duration")),
						"open model: how long each variant's runs arrive", "10000"));
		List<Field> parameters = new ArrayList<>();
		descriptor.parameters().forEach((parameter) -> parameters.add(field(parameter)));
		DemoDescriptor.Sweep swept = descriptor.sweep();
		List<SweepForm> sweep = (swept != null)
				? List.of(new SweepForm(swept.rates().stream().map(Theories::format).collect(Collectors.joining(", ")),
						swept.fact(), Theories.format(maxima.get("rate")), SWEEP_DURATION_MS,
						Objects.requireNonNull(bounds.get("duration").min()).toPlainString(),
						Theories.format(maxima.get("duration"))))
				: List.of();
		return page(this.pages.render("lab-demo",
				new Page(descriptor.name() + " · Latency Lab", descriptor.name(), descriptor.title(),
						descriptor.description(), descriptor.patternId(), String.join(", ", descriptor.variants()),
						descriptor.metric(), parameters, settings, sweep)));
	}

	private static ResponseEntity<String> page(String html) {
		return ResponseEntity.ok().contentType(HtmlPages.MEDIA_TYPE).body(html);
	}

	/** A comparison setting, a whole number, as a form field. */
	private static Field number(BoundParameter setting, String description, int value) {
		return new Field(setting.name(), description, List.of(), "number", String.valueOf(value), "",
				List.of(Objects.requireNonNull(setting.min()).toPlainString()),
				List.of(Objects.requireNonNull(setting.max()).toPlainString()), "1", List.of());
	}

	/** A comparison setting left empty unless given, in ms where it is a duration. */
	private static Field optional(BoundParameter setting, String description, String placeholder) {
		boolean duration = setting.name().equals("duration");
		return new Field(setting.name(), description, duration ? List.of("ms") : List.of(), "number", "", placeholder,
				List.of(Objects.requireNonNull(setting.min()).toPlainString()),
				List.of(Objects.requireNonNull(setting.max()).toPlainString()), duration ? "1" : "any", List.of());
	}

	/** A demo parameter as a form field, by its kind. */
	private static Field field(ParameterSpec parameter) {
		String name = parameter.name();
		String description = parameter.description();
		String value = parameter.defaultValue();
		return switch (parameter.kind()) {
			case "integer", "ms", "fraction" -> {
				boolean whole = parameter.kind().equals("integer");
				// a seed drawn anew unless one is given
				boolean drawn = !value.matches("-?[0-9.]+");
				yield new Field(name, description, parameter.kind().equals("ms") ? List.of("ms") : List.of(), "number",
						drawn ? "" : value, drawn ? value : "", bound(parameter.min()), bound(parameter.max()),
						whole ? "1" : "any", List.of());
			}
			case "boolean" -> new Field(name, description, List.of(), "choice", value, "", List.of(), List.of(), "",
					options(List.of("false", "true"), value));
			case "choice" -> new Field(name, description, List.of(), "choice", value, "", List.of(), List.of(), "",
					options((parameter.choices() != null) ? parameter.choices() : List.of(value), value));
			default -> new Field(name, description, List.of(), "text", value, "", List.of(), List.of(), "", List.of());
		};
	}

	/**
	 * A bound, if there is one: a list, which the template shows only when it is not
	 * empty.
	 */
	private static List<String> bound(@Nullable Double bound) {
		return (bound != null) ? List.of(Theories.format(bound)) : List.of();
	}

	private static List<Option> options(List<String> values, String chosen) {
		return values.stream().map((value) -> new Option(value, value.equals(chosen))).toList();
	}

	record Index(String title, List<Entry> demos) {
	}

	record Entry(String name, String title, String description, String patternId) {
	}

	record Page(String title, String name, String heading, String description, String patternId, String variants,
			String metric, List<Field> parameters, List<Field> settings, List<SweepForm> sweep) {
	}

	/**
	 * The arrival-rate sweep's form: its rates, the fact it charts, and its bounds.
	 *
	 * @param duration how long each variant runs at each rate, ms
	 */
	record SweepForm(String rates, String fact, String maxRate, int duration, String minDuration, String maxDuration) {
	}

	/**
	 * @param unit and {@code min}, {@code max}: one value or none (the template shows
	 * them only where there is one)
	 * @param input {@code number}, {@code choice} (a select) or {@code text}
	 * @param placeholder shown in an empty field: what an empty one means
	 */
	record Field(String name, String description, List<String> unit, String input, String value, String placeholder,
			List<String> min, List<String> max, String step, List<Option> options) {

		public boolean isNumber() {
			return this.input.equals("number");
		}

		public boolean isChoice() {
			return this.input.equals("choice");
		}

		public boolean isText() {
			return this.input.equals("text");
		}

	}

	record Option(String value, boolean selected) {
	}

}
