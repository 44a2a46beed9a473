package glide.api.models;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * A Lua script run with {@code invokeScript}: by its SHA-1 (EVALSHA), and by its code (EVAL) only
 * when the server does not have it cached yet. The script lives on the Java heap; {@link #close()}
 * has nothing native to free.
 */
public class Script implements AutoCloseable {
    private final byte[] code;
    private final String hash;
    private final Boolean binaryOutput;

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
    }

    /** The SHA-1 of the code, in lowercase hex (what SCRIPT LOAD returns). */
    public String getHash() {
        return hash;
    }

    public Boolean getBinaryOutput() {
        return binaryOutput;
    }

    /** The script's bytes (for EVAL when the server has not cached it). */
    public byte[] code() {
        return code.clone();
    }

    @Override
    public void close() {
        // Nothing to release: the script is heap memory only.
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
