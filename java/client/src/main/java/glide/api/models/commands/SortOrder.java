package glide.api.models.commands;

/** The order of results sorted by a number (GEOSEARCH's distances): {@code ASC} or {@code DESC}. */
public enum SortOrder {
    /** Nearest (smallest) first. */
    ASC,
    /** Farthest (largest) first. */
    DESC
}
