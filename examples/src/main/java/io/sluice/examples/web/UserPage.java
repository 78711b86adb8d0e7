package io.sluice.examples.web;

import java.util.List;

/**
 * One page of the users, in key order.
 *
 * @param page the page number, from 0
 * @param size the most users on a page
 * @param total the number of users
 * @param items the users of the page
 */
public record UserPage(int page, int size, long total, List<UserSummary> items) {}
