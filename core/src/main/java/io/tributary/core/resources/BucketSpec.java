package io.tributary.core.resources;

import java.util.OptionalInt;

/**
 * A bucket: private always; {@code expireAfterDays} is the lifecycle rule (raw chunks live a
 * day); {@code cors} marks the bucket players fetch segments from.
 */
public record BucketSpec(String name, OptionalInt expireAfterDays, boolean cors) {}
