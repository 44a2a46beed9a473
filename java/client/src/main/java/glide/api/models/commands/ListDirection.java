package glide.api.models.commands;

/** The end of a list an element is taken from or put at (LMOVE, LMPOP...): the head or the tail. */
public enum ListDirection {
    /** The head ({@code LEFT}). */
    LEFT,
    /** The tail ({@code RIGHT}). */
    RIGHT
}
