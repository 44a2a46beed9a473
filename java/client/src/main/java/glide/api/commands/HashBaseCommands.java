package glide.api.commands;

import glide.api.models.GlideString;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** Hash commands, for standalone and cluster clients. */
public interface HashBaseCommands {
    /** HGET: the field's value, or {@code null}. */
    CompletableFuture<String> hget(String key, String field);

    /** HGET with binary key and field. */
    CompletableFuture<GlideString> hget(GlideString key, GlideString field);

    /** HSET: how many fields were added (updated fields do not count). */
    CompletableFuture<Long> hset(String key, Map<String, String> fieldValueMap);

    /** HSET with binary key, fields and values. */
    CompletableFuture<Long> hset(GlideString key, Map<GlideString, GlideString> fieldValueMap);

    /** HGETALL: every field and value; an empty map when the key does not exist. */
    CompletableFuture<Map<String, String>> hgetall(String key);

    /** HGETALL with a binary key. */
    CompletableFuture<Map<GlideString, GlideString>> hgetall(GlideString key);
}
