package dev.patterncatalog.catalog;

/**
 * A page of documents matching a filter, in a given order.
 *
 * @param page the page, from 0
 * @param size documents per page
 */
public record PatternQuery(PatternFilter filter, int page, int size, Order order) {

	/**
	 * How a listing is ordered.
	 */
	public record Order(Field field, boolean descending) {

		public static final Order BY_TITLE = new Order(Field.TITLE, false);

		public static final Order BY_RELEVANCE = new Order(Field.RELEVANCE, false);

	}

	public enum Field {

		TITLE("title"), CREATED_AT("created_at"), RELEVANCE("relevance");

		private final String parameter;

		Field(String parameter) {
			this.parameter = parameter;
		}

		/**
		 * The name of this field in the {@code sort} parameter.
		 */
		public String parameter() {
			return this.parameter;
		}

	}

}
