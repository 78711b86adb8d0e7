package io.sluice.benchmarks;

import io.sluice.benchmarks.model.Child;
import io.sluice.benchmarks.model.Parent;
import java.util.List;

/**
 * A parent with its children, as the raw and peer arms of the relationship scenario build it by hand.
 *
 * @param parent the parent
 * @param children its children
 */
public record Loaded(Parent parent, List<Child> children) {}
