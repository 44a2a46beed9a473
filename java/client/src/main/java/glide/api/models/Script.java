package glide.api.models;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * A Lua script run with {@code invokeScript}: by its SHA-1 (EVALSHA); when a server does not have
 * it cached (NOSCRIPT), its code is loaded (SCRIPT LOAD) and it runs by SHA-1 again. The code is
 * kept, on the Java heap, while a Script with that code is open: as in valkey-glide 2.3.1, once
 * every Script of a code is closed, a server that lost the script answers NOSCRIPT. Closing is
 * idempotent; a Script never closed is released when it becomes unreachable.
 */
public class Script implements AutoCloseable {
    private final byte[] code;
    private final String hash;
    private final Boolean binaryOutput;
    private final Runnable release;

    /**
     * @param code the script, a {@code String} or a {@link GlideString}
     * @param binaryOutput whether text replies come back as {@link GlideString} instead of String
     */
    public <T> Script(T code, Boolean binaryOutput) {
        if (code instanceof String) {
            this.code = ((String) code).getBytes(StandardCharsets.UTF_8);
        } else if (code instanceof GlideString) {
            this.code = ((GlideString) code).getBytes();
        } else {
            throw new IllegalArgumentException("a script's code is a String or a GlideString, not " + code);
        }
        this.hash = sha1Hex(this.code);
        this.binaryOutput = Boolean.TRUE.equals(binaryOutput);
        this.release = glide.internal.ScriptCache.hold(this, hash, this.code);
    }

    /** The SHA-1 of the code, in lowercase hex (what SCRIPT LOAD returns). */
    public String getHash() {
        return hash;
    }

    public Boolean getBinaryOutput() {
        return binaryOutput;
    }

    /** The script's bytes. */
    public byte[] code() {
        return code.clone();
    }

    /** This Script no longer holds its code (see the class comment); the first call counts. */
    @Override
    public void close() {
        release.run();
    }

    private static String sha1Hex(byte[] bytes) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest(bytes);
            StringBuilder hex = new StringBuilder(40);
            for (byte b : digest) {
                hex.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
            }
            return hex.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-1", e);
        }
    }
}
