package io.sluice.benchmarks.model;

import java.util.List;

/**
 * A customer's preferences, stored as one JSON document (written and read with Jackson).
 *
 * @param language the language
 * @param newsletter whether the customer gets the newsletter
 * @param interests the interests
 */
public record Preferences(String language, boolean newsletter, List<String> interests) {}
