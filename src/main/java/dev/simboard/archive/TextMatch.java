package dev.simboard.archive;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A search query as a condition on {@code archived_text t}: SQL that names its values
 * only as parameters, and those values. User text never becomes SQL; in LIKE patterns its
 * {@code %}, {@code _} and {@code \} are escaped, so they match themselves.
 *
 * @param sql the condition
 * @param params its parameters by name
 */
record TextMatch(String sql, Map<String, Object> params) {

	/**
	 * The condition for a query: every required term and no excluded one. On PostgreSQL a
	 * word that full text can index ({@code indexable} asks the database) is matched by
	 * full text; every other term by ILIKE.
	 */
	static TextMatch of(SearchQuery query, Vendor vendor, Function<List<String>, boolean[]> indexable) {
		List<SearchQuery.Term> terms = new ArrayList<>(query.required());
		terms.addAll(query.excluded());
		List<String> words = new ArrayList<>();
		if (vendor == Vendor.POSTGRESQL) {
			terms.stream().filter((term) -> !term.phrase()).forEach((term) -> words.add(term.value()));
		}
		boolean[] fullText = words.isEmpty() ? new boolean[0] : indexable.apply(words);
		List<String> conditions = new ArrayList<>();
		Map<String, Object> params = new LinkedHashMap<>();
		int word = 0;
		for (int i = 0; i < terms.size(); i++) {
			SearchQuery.Term term = terms.get(i);
			boolean byFullText = !term.phrase() && vendor == Vendor.POSTGRESQL && fullText[word++];
			String name = "term" + i;
			String condition = byFullText
					? "t.search_vector @@ plainto_tsquery('" + Vendor.TEXT_SEARCH_CONFIG + "', :" + name + ")"
					: "t.body ilike :" + name + " escape '\\'";
			conditions.add((i < query.required().size()) ? condition : "not (" + condition + ")");
			params.put(name, byFullText ? term.value() : contains(term.value()));
		}
		return new TextMatch("(" + String.join(" and ", conditions) + ")", params);
	}

	/** A LIKE pattern for text that contains {@code value}, its wildcards escaped. */
	static String contains(String value) {
		return "%" + value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
	}

}
