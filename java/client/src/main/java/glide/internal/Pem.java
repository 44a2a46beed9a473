package glide.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.Certificate;
import java.security.cert.CertificateEncodingException;
import java.util.Base64;

/** PEM text for DER bytes: what the native core reads certificates and keys from. */
public final class Pem {
    private static final Base64.Encoder BASE64 =
            Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));

    private Pem() {}

    /** Appends one PEM block of {@code type} (e.g. "CERTIFICATE", "PRIVATE KEY") holding {@code der}. */
    public static void append(ByteArrayOutputStream out, String type, byte[] der) {
        String block =
                "-----BEGIN "
                        + type
                        + "-----\n"
                        + BASE64.encodeToString(der)
                        + "\n-----END "
                        + type
                        + "-----\n";
        byte[] bytes = block.getBytes(StandardCharsets.US_ASCII);
        out.write(bytes, 0, bytes.length);
    }

    /** Appends {@code certificate} as a PEM "CERTIFICATE" block. */
    public static void appendCertificate(ByteArrayOutputStream out, Certificate certificate)
            throws CertificateEncodingException {
        append(out, "CERTIFICATE", certificate.getEncoded());
    }
}
