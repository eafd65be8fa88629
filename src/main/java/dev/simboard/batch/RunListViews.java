package dev.simboard.batch;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import dev.simboard.catalog.CacheProperties;
import dev.simboard.catalog.RunList;
import dev.simboard.model.Review;
import dev.simboard.model.Run;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * What batch views work out from a run list, once per list: its runs in each
 * {@link RunOrder} asked for, and its {@link RunFigures}. A list never changes once made
 * and pages ask the same of it on every request, so a batch of 10,000 runs is sorted once
 * per order and then only filtered. Kept by the run list as the catalog caches it,
 * compared by identity: a refreshed list is a new one and is worked out afresh, and what
 * was worked out from the old one goes with it. Each list's values are weighed, within
 * {@link CacheProperties#viewsWeight()}.
 */
@Component
public class RunListViews {

	/** Estimated bytes of one reference: a sorted order holds one per run. */
	private static final int REFERENCE = 8;

	private final Cache<RunList, Derived> derived;

	private final BiFunction<RunList, RunOrder, List<Run>> sort;

	private final Function<RunList, RunFigures> figures;

	@Autowired
	RunListViews(CacheProperties cache) {
		this(cache.viewsWeight().toBytes(), RunListViews::sort, RunFigures::of);
	}

	/**
	 * Views bounded and working as given: for tests, which count the work done.
	 * @param maximumWeight the bound, in estimated bytes
	 * @param sort sorts a list's runs in an order
	 * @param figures works out a list's figures
	 */
	RunListViews(long maximumWeight, BiFunction<RunList, RunOrder, List<Run>> sort,
			Function<RunList, RunFigures> figures) {
		this.sort = sort;
		this.figures = figures;
		this.derived = Caffeine.newBuilder()
			.weakKeys()
			.maximumWeight(maximumWeight)
			.weigher((RunList runs, Derived derived) -> (int) Math.min(Integer.MAX_VALUE, derived.weight()))
			.build();
	}

	/**
	 * The runs a batch view shows, over all its pages, in its order: the order is sorted
	 * once per run list, and a request only filters it.
	 */
	public List<Run> matching(RunList runs, BatchQuery query, Map<String, Review> reviews) {
		List<Run> ordered = ordered(runs, query.order());
		if (!query.filtered()) {
			return ordered;
		}
		Predicate<Run> filter = query.filter();
		if (query.reviewFiltered()) {
			filter = filter.and(query.reviewFilter(reviews));
		}
		return ordered.stream().filter(filter).toList();
	}

	/** The runs a view without review filters shows. */
	public List<Run> matching(RunList runs, BatchQuery query) {
		return matching(runs, query, Map.of());
	}

	/** A list's runs in an order, sorted once per list. */
	List<Run> ordered(RunList runs, RunOrder order) {
		return derive(runs, (known) -> known.orders().get(order),
				(known) -> known.with(order, this.sort.apply(runs, order)));
	}

	/** A list's figures, worked out once per list. */
	RunFigures figures(RunList runs) {
		return derive(runs, Derived::figures, (known) -> known.with(this.figures.apply(runs)));
	}

	/** The estimated bytes of all that is kept now. */
	long weight() {
		this.derived.cleanUp();
		return this.derived.policy().eviction().orElseThrow().weightedSize().orElseThrow();
	}

	/**
	 * One value worked out from a list: read as it is once known; else worked out within
	 * Caffeine's {@code compute}, which runs one at a time per list, so that each value
	 * is worked out once however many ask at once, and which weighs the list's entry
	 * again with the value added.
	 */
	private <T> T derive(RunList runs, Function<Derived, T> read, UnaryOperator<Derived> add) {
		Derived known = this.derived.getIfPresent(runs);
		T value = (known != null) ? read.apply(known) : null;
		if (value != null) {
			return value;
		}
		Derived now = this.derived.asMap().compute(runs, (list, old) -> {
			Derived base = (old != null) ? old : Derived.NONE;
			return (read.apply(base) != null) ? base : add.apply(base);
		});
		return read.apply(now);
	}

	/** A list's runs sorted in an order: the work {@link #ordered} does once per list. */
	static List<Run> sort(RunList runs, RunOrder order) {
		return runs.runs().stream().sorted(order.comparator(runs)).toList();
	}

	/**
	 * What is worked out from one list so far; a new one for each value added, so
	 * Caffeine weighs it again.
	 *
	 * @param figures the figures, or {@code null} until asked
	 * @param orders the runs in each order asked so far: at most one per {@link RunOrder}
	 */
	private record Derived(RunFigures figures, Map<RunOrder, List<Run>> orders) {

		static final Derived NONE = new Derived(null, Map.of());

		Derived with(RunFigures figures) {
			return new Derived(figures, this.orders);
		}

		Derived with(RunOrder order, List<Run> ordered) {
			Map<RunOrder, List<Run>> orders = new EnumMap<>(RunOrder.class);
			orders.putAll(this.orders);
			orders.put(order, ordered);
			return new Derived(this.figures, Collections.unmodifiableMap(orders));
		}

		/** Estimated bytes: a sorted order of N runs is about N references. */
		long weight() {
			long weight = 128 + ((this.figures != null) ? this.figures.weight() : 0);
			for (List<Run> ordered : this.orders.values()) {
				weight += 32 + (long) REFERENCE * ordered.size();
			}
			return weight;
		}

	}

}
