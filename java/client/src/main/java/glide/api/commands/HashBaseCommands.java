package glide.api.commands;

import glide.api.models.GlideString;
import glide.api.models.commands.HGetExOptions;
import glide.api.models.commands.HSetExOptions;
import glide.api.models.commands.HashFieldExpirationConditionOptions;
import glide.api.models.commands.scan.HScanOptions;
import glide.api.models.commands.scan.HScanOptionsBinary;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** Hash commands, for standalone and cluster clients. */
public interface HashBaseCommands {
    /** HRANDFIELD's option that returns values with the fields. */
    String WITH_VALUES_VALKEY_API = "WITHVALUES";

    /** The token before the field count of the field-expiration commands (HEXPIRE, HTTL...). */
    String FIELDS_VALKEY_API = "FIELDS";

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

    /** HSETNX: sets the field only if it does not exist; whether it was set. */
    CompletableFuture<Boolean> hsetnx(String key, String field, String value);

    /** HSETNX with binary key, field and value. */
    CompletableFuture<Boolean> hsetnx(GlideString key, GlideString field, GlideString value);

    /** HDEL: how many of the fields existed and were removed. */
    CompletableFuture<Long> hdel(String key, String[] fields);

    /** HDEL with binary key and fields. */
    CompletableFuture<Long> hdel(GlideString key, GlideString[] fields);

    /** HLEN: the number of fields; 0 when the key does not exist. */
    CompletableFuture<Long> hlen(String key);

    /** HLEN with a binary key. */
    CompletableFuture<Long> hlen(GlideString key);

    /** HVALS: every value; empty when the key does not exist. */
    CompletableFuture<String[]> hvals(String key);

    /** HVALS with a binary key. */
    CompletableFuture<GlideString[]> hvals(GlideString key);

    /** HMGET: the fields' values in the order asked, {@code null} for a missing field. */
    CompletableFuture<String[]> hmget(String key, String[] fields);

    /** HMGET with binary key and fields. */
    CompletableFuture<GlideString[]> hmget(GlideString key, GlideString[] fields);

    /** HEXISTS: whether the field exists. */
    CompletableFuture<Boolean> hexists(String key, String field);

    /** HEXISTS with binary key and field. */
    CompletableFuture<Boolean> hexists(GlideString key, GlideString field);

    /** HINCRBY: adds {@code amount} to the field's integer (0 if missing); the new value. */
    CompletableFuture<Long> hincrBy(String key, String field, long amount);

    /** HINCRBY with binary key and field. */
    CompletableFuture<Long> hincrBy(GlideString key, GlideString field, long amount);

    /** HINCRBYFLOAT: adds {@code amount} to the field's number (0 if missing); the new value. */
    CompletableFuture<Double> hincrByFloat(String key, String field, double amount);

    /** HINCRBYFLOAT with binary key and field. */
    CompletableFuture<Double> hincrByFloat(GlideString key, GlideString field, double amount);

    /** HKEYS: every field; empty when the key does not exist. */
    CompletableFuture<String[]> hkeys(String key);

    /** HKEYS with a binary key. */
    CompletableFuture<GlideString[]> hkeys(GlideString key);

    /** HSTRLEN: the length in bytes of the field's value; 0 when it is missing. */
    CompletableFuture<Long> hstrlen(String key, String field);

    /** HSTRLEN with binary key and field. */
    CompletableFuture<Long> hstrlen(GlideString key, GlideString field);

    /** HRANDFIELD: one random field, or {@code null} when the key does not exist. */
    CompletableFuture<String> hrandfield(String key);

    /** HRANDFIELD with a binary key. */
    CompletableFuture<GlideString> hrandfield(GlideString key);

    /**
     * HRANDFIELD key count: up to {@code count} distinct random fields, or, for a negative count,
     * exactly {@code -count} fields that may repeat.
     */
    CompletableFuture<String[]> hrandfieldWithCount(String key, long count);

    /** {@link #hrandfieldWithCount(String, long)} with a binary key. */
    CompletableFuture<GlideString[]> hrandfieldWithCount(GlideString key, long count);

    /**
     * HRANDFIELD key count WITHVALUES: random fields as in {@link #hrandfieldWithCount(String,
     * long)}, each as a {@code {field, value}} pair.
     */
    CompletableFuture<String[][]> hrandfieldWithCountWithValues(String key, long count);

    /** {@link #hrandfieldWithCountWithValues(String, long)} with a binary key. */
    CompletableFuture<GlideString[][]> hrandfieldWithCountWithValues(GlideString key, long count);

    /**
     * HSCAN: one step of an iteration over the hash. The result is {@code {cursor, fieldsAndValues}}:
     * the cursor ({@code String}) to pass to the next call, {@code "0"} once the iteration is
     * complete, and a flat {@code String[]} {@code {field1, value1, field2, value2...}}. Start with
     * cursor {@code "0"}.
     */
    CompletableFuture<Object[]> hscan(String key, String cursor);

    /**
     * {@link #hscan(String, String)} with binary key and cursor: the cursor and the elements come
     * back as {@code GlideString} ({@code {GlideString, GlideString[]}}).
     */
    CompletableFuture<Object[]> hscan(GlideString key, GlideString cursor);

    /** {@link #hscan(String, String)} with MATCH, COUNT and NOVALUES (fields only). */
    CompletableFuture<Object[]> hscan(String key, String cursor, HScanOptions hScanOptions);

    /** {@link #hscan(GlideString, GlideString)} with MATCH, COUNT and NOVALUES. */
    CompletableFuture<Object[]> hscan(GlideString key, GlideString cursor, HScanOptionsBinary hScanOptions);

    /**
     * HSETEX (Valkey 9.0 / Redis 8.0): sets fields with an expiry, under an optional condition;
     * 1 if they were set, 0 if the condition failed.
     */
    CompletableFuture<Long> hsetex(String key, Map<String, String> fieldValueMap, HSetExOptions options);

    /** HSETEX with binary key, fields and values. */
    CompletableFuture<Long> hsetex(
            GlideString key, Map<GlideString, GlideString> fieldValueMap, HSetExOptions options);

    /**
     * HGETEX (Valkey 9.0 / Redis 8.0): the fields' values ({@code null} for a missing one) and
     * sets or removes their expiry.
     */
    CompletableFuture<String[]> hgetex(String key, String[] fields, HGetExOptions options);

    /** HGETEX with binary key and fields. */
    CompletableFuture<GlideString[]> hgetex(GlideString key, GlideString[] fields, HGetExOptions options);

    /**
     * HEXPIRE (Valkey 9.0 / Redis 7.4): each field expires after {@code seconds}. One code per
     * field: -2 no such field (or key), 0 condition not met, 1 set, 2 the field was deleted (a time
     * of 0 or in the past).
     */
    CompletableFuture<Long[]> hexpire(
            String key, long seconds, String[] fields, HashFieldExpirationConditionOptions options);

    /** HEXPIRE with binary key and fields. */
    CompletableFuture<Long[]> hexpire(
            GlideString key, long seconds, GlideString[] fields, HashFieldExpirationConditionOptions options);

    /** HPERSIST: removes each field's expiry. Per field: -2 no such field, -1 no expiry, 1 removed. */
    CompletableFuture<Long[]> hpersist(String key, String[] fields);

    /** HPERSIST with binary key and fields. */
    CompletableFuture<Long[]> hpersist(GlideString key, GlideString[] fields);

    /** HPEXPIRE: {@link #hexpire} in milliseconds. */
    CompletableFuture<Long[]> hpexpire(
            String key, long milliseconds, String[] fields, HashFieldExpirationConditionOptions options);

    /** HPEXPIRE with binary key and fields. */
    CompletableFuture<Long[]> hpexpire(
            GlideString key, long milliseconds, GlideString[] fields, HashFieldExpirationConditionOptions options);

    /** HEXPIREAT: {@link #hexpire} at a Unix time in seconds. */
    CompletableFuture<Long[]> hexpireat(
            String key, long unixSeconds, String[] fields, HashFieldExpirationConditionOptions options);

    /** HEXPIREAT with binary key and fields. */
    CompletableFuture<Long[]> hexpireat(
            GlideString key, long unixSeconds, GlideString[] fields, HashFieldExpirationConditionOptions options);

    /** HPEXPIREAT: {@link #hexpire} at a Unix time in milliseconds. */
    CompletableFuture<Long[]> hpexpireat(
            String key, long unixMilliseconds, String[] fields, HashFieldExpirationConditionOptions options);

    /** HPEXPIREAT with binary key and fields. */
    CompletableFuture<Long[]> hpexpireat(
            GlideString key,
            long unixMilliseconds,
            GlideString[] fields,
            HashFieldExpirationConditionOptions options);

    /** HTTL: each field's remaining time in seconds; -1 no expiry, -2 no such field. */
    CompletableFuture<Long[]> httl(String key, String[] fields);

    /** HTTL with binary key and fields. */
    CompletableFuture<Long[]> httl(GlideString key, GlideString[] fields);

    /** HPTTL: {@link #httl} in milliseconds. */
    CompletableFuture<Long[]> hpttl(String key, String[] fields);

    /** HPTTL with binary key and fields. */
    CompletableFuture<Long[]> hpttl(GlideString key, GlideString[] fields);

    /** HEXPIRETIME: each field's expiry as a Unix time in seconds; -1 none, -2 no such field. */
    CompletableFuture<Long[]> hexpiretime(String key, String[] fields);

    /** HEXPIRETIME with binary key and fields. */
    CompletableFuture<Long[]> hexpiretime(GlideString key, GlideString[] fields);

    /** HPEXPIRETIME: {@link #hexpiretime} in milliseconds. */
    CompletableFuture<Long[]> hpexpiretime(String key, String[] fields);

    /** HPEXPIRETIME with binary key and fields. */
    CompletableFuture<Long[]> hpexpiretime(GlideString key, GlideString[] fields);
}
