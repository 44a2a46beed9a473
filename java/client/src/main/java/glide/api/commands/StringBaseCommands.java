package glide.api.commands;

import glide.api.models.GlideString;
import glide.api.models.commands.GetExOptions;
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

    /** GETDEL: the value, deleting the key; {@code null} when the key does not exist. */
    CompletableFuture<String> getdel(String key);

    /** GETDEL with a binary key and value. */
    CompletableFuture<GlideString> getdel(GlideString key);

    /** GETEX without options: the value, like GET; {@code null} when the key does not exist. */
    CompletableFuture<String> getex(String key);

    /** GETEX without options, with a binary key and value. */
    CompletableFuture<GlideString> getex(GlideString key);

    /** GETEX: the value, setting or removing the key's expiry as {@code options} says. */
    CompletableFuture<String> getex(String key, GetExOptions options);

    /** GETEX with options and a binary key and value. */
    CompletableFuture<GlideString> getex(GlideString key, GetExOptions options);

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

    /** MSETNX: sets every key, or none if any exists; {@code true} when they were set. */
    CompletableFuture<Boolean> msetnx(Map<String, String> keyValueMap);

    /** MSETNX with binary keys and values. */
    CompletableFuture<Boolean> msetnxBinary(Map<GlideString, GlideString> keyValueMap);

    /** INCR: the value after incrementing by one. */
    CompletableFuture<Long> incr(String key);

    /** INCR with a binary key. */
    CompletableFuture<Long> incr(GlideString key);

    /** INCRBY: the value after incrementing by {@code amount}. */
    CompletableFuture<Long> incrBy(String key, long amount);

    /** INCRBY with a binary key. */
    CompletableFuture<Long> incrBy(GlideString key, long amount);

    /** INCRBYFLOAT: the value after adding {@code amount} (a missing key counts as 0). */
    CompletableFuture<Double> incrByFloat(String key, double amount);

    /** INCRBYFLOAT with a binary key. */
    CompletableFuture<Double> incrByFloat(GlideString key, double amount);

    /** DECR: the value after decrementing by one. */
    CompletableFuture<Long> decr(String key);

    /** DECR with a binary key. */
    CompletableFuture<Long> decr(GlideString key);

    /** DECRBY: the value after decrementing by {@code amount}. */
    CompletableFuture<Long> decrBy(String key, long amount);

    /** DECRBY with a binary key. */
    CompletableFuture<Long> decrBy(GlideString key, long amount);

    /** STRLEN: the value's length in bytes, 0 when the key does not exist. */
    CompletableFuture<Long> strlen(String key);

    /** STRLEN with a binary key. */
    CompletableFuture<Long> strlen(GlideString key);

    /**
     * SETRANGE: overwrites the value from byte {@code offset} on (padding with zero bytes past the
     * end); the value's length afterwards.
     */
    CompletableFuture<Long> setrange(String key, int offset, String value);

    /** SETRANGE with a binary key and value. */
    CompletableFuture<Long> setrange(GlideString key, int offset, GlideString value);

    /**
     * GETRANGE: bytes {@code start} to {@code end} inclusive of the value (negative counts from the
     * end); empty when the key does not exist or the range is empty.
     */
    CompletableFuture<String> getrange(String key, int start, int end);

    /** GETRANGE with a binary key and value. */
    CompletableFuture<GlideString> getrange(GlideString key, int start, int end);

    /** APPEND: appends {@code value} (creating the key if needed); the length afterwards. */
    CompletableFuture<Long> append(String key, String value);

    /** APPEND with a binary key and value. */
    CompletableFuture<Long> append(GlideString key, GlideString value);

    /**
     * LCS: the longest common subsequence of the values of {@code key1} and {@code key2} (a
     * missing key is an empty string). Since Valkey/Redis 7.0.
     */
    CompletableFuture<String> lcs(String key1, String key2);

    /** LCS with binary keys and values. */
    CompletableFuture<GlideString> lcs(GlideString key1, GlideString key2);

    /** LCS ... LEN: the length of the longest common subsequence. */
    CompletableFuture<Long> lcsLen(String key1, String key2);

    /** LCS ... LEN with binary keys. */
    CompletableFuture<Long> lcsLen(GlideString key1, GlideString key2);

    /**
     * LCS ... IDX: where the common subsequence lies in each value, as a map with {@code
     * "matches"} ({@code Long[][][]}: per match, the inclusive [start, end] range in {@code key1},
     * then in {@code key2}, last match first) and {@code "len"} (the subsequence's length, a
     * {@code Long}).
     */
    CompletableFuture<Map<String, Object>> lcsIdx(String key1, String key2);

    /** LCS ... IDX with binary keys; the map's keys are Strings all the same. */
    CompletableFuture<Map<String, Object>> lcsIdx(GlideString key1, GlideString key2);

    /** LCS ... IDX MINMATCHLEN: as {@link #lcsIdx(String, String)}, only matches at least that long. */
    CompletableFuture<Map<String, Object>> lcsIdx(String key1, String key2, long minMatchLen);

    /** LCS ... IDX MINMATCHLEN with binary keys. */
    CompletableFuture<Map<String, Object>> lcsIdx(GlideString key1, GlideString key2, long minMatchLen);

    /**
     * LCS ... IDX WITHMATCHLEN: as {@link #lcsIdx(String, String)}, but each match is an {@code
     * Object[]} {range in key1 ({@code Long[]}), range in key2 ({@code Long[]}), match length
     * ({@code Long})}.
     */
    CompletableFuture<Map<String, Object>> lcsIdxWithMatchLen(String key1, String key2);

    /** LCS ... IDX WITHMATCHLEN with binary keys. */
    CompletableFuture<Map<String, Object>> lcsIdxWithMatchLen(GlideString key1, GlideString key2);

    /** LCS ... IDX MINMATCHLEN WITHMATCHLEN. */
    CompletableFuture<Map<String, Object>> lcsIdxWithMatchLen(String key1, String key2, long minMatchLen);

    /** LCS ... IDX MINMATCHLEN WITHMATCHLEN with binary keys. */
    CompletableFuture<Map<String, Object>> lcsIdxWithMatchLen(
            GlideString key1, GlideString key2, long minMatchLen);
}
