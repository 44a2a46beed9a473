package glide.internal;

import java.util.LinkedHashMap;

/**
 * A cluster reply by node: node address to that node's reply. The core marks these, so a map one
 * node returned (HGETALL, CONFIG GET...) is never mistaken for replies from several nodes.
 */
public final class NodeReplies extends LinkedHashMap<Object, Object> {
    private static final long serialVersionUID = 1L;

    NodeReplies(int capacity) {
        super(capacity);
    }
}
