package glide.api.commands;

import glide.api.models.GlideString;
import glide.api.models.commands.bitmap.BitFieldOptions.BitFieldReadOnlySubCommands;
import glide.api.models.commands.bitmap.BitFieldOptions.BitFieldSubCommands;
import glide.api.models.commands.bitmap.BitmapIndexType;
import glide.api.models.commands.bitmap.BitwiseOperation;
import java.util.concurrent.CompletableFuture;

/** Bitmap commands: strings read and written bit by bit. */
public interface BitmapBaseCommands {
    /** BITCOUNT: the number of set bits. */
    CompletableFuture<Long> bitcount(String key);

    /** BITCOUNT: the number of set bits. */
    CompletableFuture<Long> bitcount(GlideString key);

    /** BITCOUNT from byte {@code start} to the end. */
    CompletableFuture<Long> bitcount(String key, long start);

    /** BITCOUNT from byte {@code start} to the end. */
    CompletableFuture<Long> bitcount(GlideString key, long start);

    /** BITCOUNT of bytes {@code start} to {@code end} (negative: from the end). */
    CompletableFuture<Long> bitcount(String key, long start, long end);

    /** BITCOUNT of bytes {@code start} to {@code end} (negative: from the end). */
    CompletableFuture<Long> bitcount(GlideString key, long start, long end);

    /** BITCOUNT of the range, in bytes or bits. */
    CompletableFuture<Long> bitcount(String key, long start, long end, BitmapIndexType options);

    /** BITCOUNT of the range, in bytes or bits. */
    CompletableFuture<Long> bitcount(GlideString key, long start, long end, BitmapIndexType options);

    /** SETBIT: sets the bit at {@code offset} to {@code value}; its old value. */
    CompletableFuture<Long> setbit(String key, long offset, long value);

    /** SETBIT: sets the bit at {@code offset} to {@code value}; its old value. */
    CompletableFuture<Long> setbit(GlideString key, long offset, long value);

    /** GETBIT: the bit at {@code offset} (0 past the end). */
    CompletableFuture<Long> getbit(String key, long offset);

    /** GETBIT: the bit at {@code offset} (0 past the end). */
    CompletableFuture<Long> getbit(GlideString key, long offset);

    /** BITPOS: the first bit equal to {@code bit}, or -1. */
    CompletableFuture<Long> bitpos(String key, long bit);

    /** BITPOS: the first bit equal to {@code bit}, or -1. */
    CompletableFuture<Long> bitpos(GlideString key, long bit);

    /** BITPOS from byte {@code start}. */
    CompletableFuture<Long> bitpos(String key, long bit, long start);

    /** BITPOS from byte {@code start}. */
    CompletableFuture<Long> bitpos(GlideString key, long bit, long start);

    /** BITPOS within bytes {@code start} to {@code end}. */
    CompletableFuture<Long> bitpos(String key, long bit, long start, long end);

    /** BITPOS within bytes {@code start} to {@code end}. */
    CompletableFuture<Long> bitpos(GlideString key, long bit, long start, long end);

    /** BITPOS within the range, in bytes or bits. */
    CompletableFuture<Long> bitpos(String key, long bit, long start, long end, BitmapIndexType offsetType);

    /** BITPOS within the range, in bytes or bits. */
    CompletableFuture<Long> bitpos(GlideString key, long bit, long start, long end, BitmapIndexType offsetType);

    /** BITOP: stores the operation over {@code keys} in {@code destination}; the result's length in bytes. */
    CompletableFuture<Long> bitop(BitwiseOperation bitwiseOperation, String destination, String[] keys);

    /** BITOP with binary keys. */
    CompletableFuture<Long> bitop(BitwiseOperation bitwiseOperation, GlideString destination, GlideString[] keys);

    /** BITFIELD: runs the subcommands in order; one reply each (null when OVERFLOW FAIL refused). */
    CompletableFuture<Long[]> bitfield(String key, BitFieldSubCommands[] subCommands);

    /** BITFIELD: runs the subcommands in order; one reply each (null when OVERFLOW FAIL refused). */
    CompletableFuture<Long[]> bitfield(GlideString key, BitFieldSubCommands[] subCommands);

    /** BITFIELD_RO: GET subcommands only (may run on a replica). */
    CompletableFuture<Long[]> bitfieldReadOnly(String key, BitFieldReadOnlySubCommands[] subCommands);

    /** BITFIELD_RO: GET subcommands only (may run on a replica). */
    CompletableFuture<Long[]> bitfieldReadOnly(GlideString key, BitFieldReadOnlySubCommands[] subCommands);
}
