package glide.api.models.commands;

/** Which end of a sorted set {@code ZMPOP}/{@code BZMPOP} pop from: the lowest or highest scores. */
public enum ScoreFilter {
    MIN,
    MAX
}
