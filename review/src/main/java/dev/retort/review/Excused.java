package dev.retort.review;

/**
 * A finding that an {@link dev.retort.annotations.Allow @Allow} on the revision excuses: shown in
 * the review with the reason, never counted as a failure.
 *
 * @param reason the excuse's reason, as the revision states it
 */
public record Excused(Finding finding, String reason) {}
