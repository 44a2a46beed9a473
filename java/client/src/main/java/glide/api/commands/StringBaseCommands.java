package glide.api.commands;

import glide.api.models.GlideString;
import glide.api.models.commands.SetOptions;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** String commands, for standalone and cluster clients. */
public interface StringBaseCommands {
    /** Reply key of LCS with IDX. */
    String LEN_VALKEY_API = "LEN";

    String IDX_COMMAND_STRING = "IDX";
    String MINMATCHLEN_COMMAND_STRING = "MINMATCHLEN";
    String WITHMATCHLEN_COMMAND_STRING = "WITHMATCHLEN";
    String LCS_MATCHES_RESULT_KEY = "matches";

    /** GET: the value, or {@code null} when the key does not exist. */
    CompletableFuture<String> get(String key);

    /** GET with a binary key and value. */
    CompletableFuture<GlideString> get(GlideString key);

    /** SET: completes with "OK". */
    CompletableFuture<String> set(String key, String value);

    /** SET with a binary key and value. */
    CompletableFuture<String> set(GlideString key, GlideString value);

    /**
     * SET with conditions, expiry or GET: "OK", {@code null} when a condition prevented the write,
     * or the old value when {@link SetOptions} asks for it.
     */
    CompletableFuture<String> set(String key, String value, SetOptions options);

    /** SET with options and a binary key and value. */
    CompletableFuture<String> set(GlideString key, GlideString value, SetOptions options);

    /** MGET: values in key order, {@code null} for missing keys. */
    CompletableFuture<String[]> mget(String[] keys);

    /** MGET with binary keys. */
    CompletableFuture<GlideString[]> mget(GlideString[] keys);

    /** MSET: completes with "OK". */
    CompletableFuture<String> mset(Map<String, String> keyValueMap);

    /** MSET with binary keys and values. */
    CompletableFuture<String> msetBinary(Map<GlideString, GlideString> keyValueMap);

    /** INCR: the value after incrementing by one. */
    CompletableFuture<Long> incr(String key);

    /** INCR with a binary key. */
    CompletableFuture<Long> incr(GlideString key);

    /** INCRBY: the value after incrementing by {@code amount}. */
    CompletableFuture<Long> incrBy(String key, long amount);

    /** INCRBY with a binary key. */
    CompletableFuture<Long> incrBy(GlideString key, long amount);
}
